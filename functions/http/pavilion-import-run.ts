import { parse } from 'csv-parse/sync';
import { SKU, productIdFor, type Product } from '../domain/catalogue.js';
import {
  IMPORT_COLUMNS,
  columnForField,
  planImport,
  readImportRow,
  type ImportDecision,
  type ValidImportRow,
} from '../domain/listing-import.js';
import { listingRuleIssues, newListing, type FieldIssue, type ListingContent } from '../domain/listing.js';
import type { Pavilion } from '../domain/pavilion.js';
import { planStockChange } from '../domain/stock.js';
import { ListingWriteRefused } from '../ports/listing-store.js';
import type { Manager } from '../ports/token-verifier.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { ProblemError } from './problem.js';
import { ListingContentSchema } from './schemas/listing.js';

/**
 * Rows per request. An import runs inside one API request (a Lambda behind API Gateway's 30 s
 * limit): 1,000 rows take a few seconds even on DynamoDB Local, so a larger file is sent in parts
 * of at most 1,000 rows, each with the header repeated (the workspace page splits it).
 */
export const MAX_IMPORT_ROWS = 1_000;
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

/**
 * Imports a CSV of listings for the manager's pavilion: every row is checked on its own, so a bad
 * row is reported and never blocks the good ones; existing listings are read in batches up front,
 * new ones written with conditional puts, each changed one in a single write, in parallel.
 */
export async function runImport(deps: PavilionDeps, pavilion: Pavilion, manager: Manager, csv: string, at: string): Promise<RowReport[]> {
  const records = readCsv(csv);
  const reports = new Map<number, RowReport>();
  const valid: ValidImportRow[] = [];

  for (const { line, record } of records) {
    const candidate = readImportRow(record, line, pavilion.currency);
    const errors = [...candidate.issues];
    if (!SKU.test(candidate.sku)) errors.push({ field: 'sku', message: 'letters, digits, dot, dash or underscore; up to 40' });
    const parsed = ListingContentSchema.safeParse(candidate.content);
    if (parsed.success) errors.push(...listingRuleIssues(parsed.data, pavilion).map((issue) => ({ ...issue, field: columnForField(issue.field) })));
    else errors.push(...parsed.error.issues.map((issue) => ({ field: columnForField(issue.path.join('.')), message: issue.message })));
    if (errors.length > 0 || !parsed.success) {
      reports.set(line, { line, sku: candidate.sku, outcome: 'rejected', errors: firstPerColumn(errors) });
      continue;
    }
    valid.push({ line, sku: candidate.sku, content: parsed.data as ListingContent, ...(candidate.onHand !== undefined ? { onHand: candidate.onHand } : {}) });
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

  return [...reports.values()].sort((a, b) => a.line - b.line);
}

/**
 * One write per changed row, from the listing as the batch read found it: the content (a new
 * version) and the on-hand change go together, conditioned on that listing being unchanged, so
 * a row is either applied whole or reported for importing again.
 */
async function applyUpdate(deps: PavilionDeps, manager: Manager, decision: Extract<ImportDecision, { action: 'update' }>, at: string): Promise<RowReport> {
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

interface CsvRecord {
  readonly line: number;
  readonly record: Record<string, string>;
}

/** Reads the file: the header must name known columns (so a typo is caught before any write). */
export function readCsv(csv: string): CsvRecord[] {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  // Spreadsheets in Russian and Chinese locales often save with semicolons or tabs.
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(csv, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024 }) as never;
  } catch (error) {
    throw new ProblemError(400, 'The file is not valid CSV', { detail: (error as Error).message.slice(0, 300) });
  }
  const [header, ...body] = rows;
  if (!header) throw new ProblemError(400, 'The file is empty', { detail: 'Start from GET /api/pavilion/imports/template.csv.' });
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = columns.filter((name) => !known.has(name));
  const missing = IMPORT_COLUMNS.filter((name) => name !== 'on_hand' && name !== 'images' && name !== 'certificates' && !columns.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    throw new ProblemError(400, 'The header row does not match the template', {
      detail: 'Start from GET /api/pavilion/imports/template.csv.',
      errors: [...unknown.map((name) => ({ field: name, message: 'unknown column' })), ...missing.map((name) => ({ field: name, message: 'missing column' }))],
    });
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw new ProblemError(413, `At most ${MAX_IMPORT_ROWS} rows per request`, {
      detail: `The file has ${body.length} rows. Send it in parts of at most ${MAX_IMPORT_ROWS} rows, each starting with the header row; importing the same rows twice changes nothing.`,
      maxRows: MAX_IMPORT_ROWS,
      rows: body.length,
    });
  }
  const lines = startLines(csv, rows.map(({ info }) => info.bytes));
  return body.map(({ record }, i) => ({
    line: lines[i + 1]!,
    record: Object.fromEntries(columns.map((name, i) => [name, record[i] ?? ''])),
  }));
}

/**
 * The line each record starts on, as a text editor shows the file (CRLF, LF or CR each end one
 * line, inside quotes too), skipping the empty lines the parser skipped. csv-parse's own
 * `info.lines` is the line a record ends on, so a description with line breaks would be reported
 * below its row; its `info.bytes` (the offset just past each record) is exact, and lines are
 * counted from it.
 */
function startLines(csv: string, recordEnds: readonly number[]): number[] {
  const bytes = new TextEncoder().encode(csv);
  const LF = 0x0a;
  const CR = 0x0d;
  const endsLine = (at: number) => bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF);
  let line = 1;
  let at = 0;
  return recordEnds.map((end) => {
    for (; at < end && (bytes[at] === LF || bytes[at] === CR); at++) if (endsLine(at)) line++;
    const start = line;
    for (; at < end; at++) if (endsLine(at)) line++;
    return start;
  });
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
