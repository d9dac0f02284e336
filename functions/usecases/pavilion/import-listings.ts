import { SKU, productIdFor, type Product } from '../../domain/catalogue.js';
import { columnForField, planImport, readImportRow, type ImportDecision, type ValidImportRow } from '../../domain/listing-import.js';
import { listingRuleIssues, newListing, type FieldIssue, type ListingContent } from '../../domain/listing.js';
import { planStockChange } from '../../domain/stock.js';
import { ListingWriteRefused } from '../../ports/listing-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import { nowIso, type PavilionDeps } from './deps.js';
import { readCsv } from './listings-csv.js';
import { ownPavilion } from './ownership.js';

/** Parallel single-item writes for updates: fast, yet gentle on an on-demand table. */
const UPDATE_CONCURRENCY = 8;

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';
export interface RowReport {
  readonly line: number;
  readonly sku: string;
  readonly productId?: string;
  readonly outcome: RowOutcome;
  readonly errors?: readonly FieldIssue[];
}

export interface ImportReport {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** One line per row, in file order. */
  readonly report: readonly RowReport[];
}

/**
 * The API's own check of a row's content (the listing schema a form is held to), field names as
 * the API spells them (`title.zh`): a row must pass what a listing sent as JSON would.
 */
export type ContentCheck = (content: unknown) => { readonly content: ListingContent } | { readonly issues: readonly FieldIssue[] };

/**
 * Imports a CSV of listings for the manager's pavilion: every row is checked on its own, so a bad
 * row is reported and never blocks the good ones; existing listings are read in batches up front,
 * new ones written with conditional puts, each changed one in a single write, in parallel.
 */
export async function importListings(
  deps: Pick<PavilionDeps, 'catalogue' | 'listings' | 'onCatalogueChange' | 'clock'>,
  manager: Manager,
  csv: string,
  checkContent: ContentCheck,
): Promise<ImportReport> {
  const pavilion = await ownPavilion(deps, manager);
  const at = nowIso(deps);
  const records = readCsv(csv);
  const reports = new Map<number, RowReport>();
  const valid: ValidImportRow[] = [];

  for (const { line, record } of records) {
    const candidate = readImportRow(record, line, pavilion.currency);
    const errors = [...candidate.issues];
    if (!SKU.test(candidate.sku)) errors.push({ field: 'sku', message: 'letters, digits, dot, dash or underscore; up to 40' });
    const checked = checkContent(candidate.content);
    if ('content' in checked) errors.push(...listingRuleIssues(checked.content, pavilion).map((issue) => ({ ...issue, field: columnForField(issue.field) })));
    else errors.push(...checked.issues.map((issue) => ({ ...issue, field: columnForField(issue.field) })));
    if (errors.length > 0 || !('content' in checked)) {
      reports.set(line, { line, sku: candidate.sku, outcome: 'rejected', errors: firstPerColumn(errors) });
      continue;
    }
    valid.push({ line, sku: candidate.sku, content: checked.content, ...(candidate.onHand !== undefined ? { onHand: candidate.onHand } : {}) });
  }

  const existing = await deps.listings.getMany(valid.map((row) => productIdFor(pavilion.code, row.sku)));
  const decisions = planImport(pavilion.code, valid, existing);

  const creates = decisions.filter((decision) => decision.action === 'create');
  const updates = decisions.filter((decision) => decision.action === 'update');
  for (const decision of decisions) {
    if (decision.action === 'unchanged') reports.set(decision.line, { line: decision.line, sku: decision.sku, productId: decision.productId, outcome: 'unchanged' });
    if (decision.action === 'reject') reports.set(decision.line, { line: decision.line, sku: decision.sku, productId: decision.productId, outcome: 'rejected', errors: decision.errors });
  }

  if (creates.length > 0) {
    const products = creates.map((decision) => newListing(pavilion.code, decision.sku, decision.row.content, at, decision.row.onHand ?? 0));
    const result = await deps.listings.createMany(pavilion.code, products);
    const existed = new Set(result.existed);
    for (const decision of creates) {
      const raced = existed.has(decision.productId);
      reports.set(decision.line, {
        line: decision.line, sku: decision.sku, productId: decision.productId,
        outcome: raced ? 'rejected' : 'created',
        ...(raced ? { errors: [{ field: 'sku', message: 'created by someone else during the import; import again' }] } : {}),
      });
      if (!raced) deps.onCatalogueChange?.(decision.productId);
    }
  }

  await forEachConcurrently(updates, UPDATE_CONCURRENCY, async (decision) => {
    reports.set(decision.line, await applyUpdate(deps, manager, decision, at));
  });

  const report = [...reports.values()].sort((a, b) => a.line - b.line);
  const count = (outcome: RowOutcome) => report.filter((row) => row.outcome === outcome).length;
  return { rows: report.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), report };
}

/**
 * One write per changed row, from the listing as the batch read found it: the content (a new
 * version) and the on-hand change go together, conditioned on that listing being unchanged, so
 * a row is either applied whole or reported for importing again.
 */
async function applyUpdate(
  deps: Pick<PavilionDeps, 'listings' | 'onCatalogueChange'>,
  manager: Manager,
  decision: Extract<ImportDecision, { action: 'update' }>,
  at: string,
): Promise<RowReport> {
  const base = { line: decision.line, sku: decision.sku, productId: decision.productId };
  const current: Product = decision.current;
  const onHand = decision.row.onHand;
  const plan = onHand === undefined ? null : planStockChange(current, { kind: 'set', onHand });
  if (plan && !plan.ok && !decision.contentChanged) return { ...base, outcome: 'rejected', errors: [{ field: 'on_hand', message: plan.message }] };
  try {
    await deps.listings.applyImportChange({
      id: decision.productId,
      pavilion: manager.pavilion,
      seen: current,
      ...(decision.contentChanged ? { content: decision.row.content } : {}),
      ...(plan?.ok && plan.delta !== 0 ? { stockDelta: plan.delta } : {}),
      by: manager.subject,
      at,
    });
  } catch (error) {
    if (!(error instanceof ListingWriteRefused)) throw error;
    const field = error.reason === 'stock_moved' ? 'on_hand' : 'sku';
    return { ...base, outcome: 'rejected', errors: [{ field, message: 'the listing changed while importing; import the file again' }] };
  }
  deps.onCatalogueChange?.(decision.productId);
  // The content went in; an on hand the stock rules refuse is reported on its own.
  if (plan && !plan.ok) return { ...base, outcome: 'updated', errors: [{ field: 'on_hand', message: plan.message }] };
  return { ...base, outcome: 'updated' };
}

/** One message per column is enough to fix a row; more is noise. */
function firstPerColumn(errors: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return errors.filter((error) => (seen.has(error.field) ? false : (seen.add(error.field), true)));
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
