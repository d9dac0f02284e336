import { productIdFor } from '../../../../functions/domain/catalogue.js';
import { ApiError, api } from './api.js';
import type { ImportReport } from './api-types.js';
import { $, el } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { tr, type WordKey } from './i18n.js';
import { fail, startWorkspace } from './workspace.js';

/**
 * Sends a CSV file (picked or dropped) to POST /imports and shows what happened to each row. The
 * API takes 1,000 rows per request, so a larger file goes in parts, one after another, and the
 * parts' reports are shown as one, with the file's own line numbers (csv-parts.ts).
 */
const form = $<HTMLFormElement>('[data-import-form]');
const picker = $<HTMLInputElement>('[data-file]');
const banner = $('[data-import-banner]');
const section = $('[data-report]');
const summary = $('[data-summary]');
const onlyRejected = $<HTMLInputElement>('[data-only-rejected]');
/** The splitter brings csv-parse's browser build (about 14 KB gzipped): fetched when a file is imported, not with the page. */
const csvParts = () => import('./csv-parts.js');
let last: ImportReport | null = null;
let pavilion = '';
let busy = false;

void startWorkspace().then((workspace) => {
  if (!workspace) return;
  pavilion = workspace.pavilion.code;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = picker.files?.[0];
    if (file) void run(file);
    else showFieldErrors(form, [{ field: 'file', message: tr('import.file') }], banner);
  });
  form.addEventListener('dragover', (event) => {
    event.preventDefault();
    form.dataset.over = 'true';
  });
  form.addEventListener('dragleave', () => (form.dataset.over = 'false'));
  form.addEventListener('drop', (event) => {
    event.preventDefault();
    form.dataset.over = 'false';
    const file = event.dataTransfer?.files[0];
    if (file) void run(file);
  });
  onlyRejected.addEventListener('change', render);
  document.addEventListener('workspace:language', render);
});

async function run(file: File): Promise<void> {
  if (busy) return;
  busy = true;
  const button = $<HTMLButtonElement>('button[type=submit]', form);
  button.disabled = true;
  banner.hidden = true;
  last = null;
  section.hidden = false;
  section.dataset.state = 'running';
  summary.textContent = tr('import.running', { name: file.name });
  $('[data-report-rows]').replaceChildren();
  try {
    const { importInParts } = await csvParts();
    last = await importInParts(await file.text(), {
      send: (body) => api<ImportReport>('/imports', { method: 'POST', body, headers: { 'content-type': 'text/csv' } }),
      listingIdOf: (sku) => productIdFor(pavilion, sku),
      onPart: (part, parts) => (summary.textContent = tr('import.part', { name: file.name, part, parts })),
    });
    section.dataset.state = 'done';
    onlyRejected.checked = last.rejected > 0;
    render();
  } catch (error) {
    await refused(error);
  } finally {
    busy = false;
    button.disabled = false;
  }
}

async function refused(error: unknown): Promise<void> {
  // Undefined when the splitter itself could not be fetched: that error is then shown as any other.
  const parts = await csvParts().catch(() => undefined);
  section.dataset.state = 'failed';
  section.hidden = !(parts && error instanceof parts.ImportPartFailed && error.done.rows > 0);
  if (parts && error instanceof parts.CsvSyntaxError) return say(`${tr('import.badCsv')}: ${tr('col.line')} ${error.line}: ${error.reason}`);
  if (parts && error instanceof parts.ImportPartFailed) {
    // The parts before the failed one are in the table: they were imported and stay imported.
    if (error.done.rows > 0) {
      last = error.done;
      onlyRejected.checked = false;
      render();
    }
    const before = error.part > 1 ? tr('import.partsBefore') : '';
    say([`${tr('import.partFailed', { part: error.part, parts: error.parts })}.`, problemText(error.cause), before].filter(Boolean).join(' '));
    if (!(error.cause instanceof ApiError)) await fail(error.cause);
    return;
  }
  if (error instanceof ApiError) return say(problemText(error));
  await fail(error);
}

function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return '';
  const problems = error.errors.map((item) => `${item.field}: ${item.message}`).join(' · ');
  return [error.title, error.detail, problems].filter(Boolean).join(' — ');
}

function say(message: string): void {
  banner.hidden = false;
  banner.textContent = message;
}

function render(): void {
  if (!last) return;
  const { rows: total, created, updated, unchanged, rejected } = last;
  summary.textContent = tr('import.summary', { rows: total, created, updated, unchanged, rejected });
  const rows = onlyRejected.checked ? last.report.filter((row) => row.outcome === 'rejected') : last.report;
  // Thousands of rows: build them in one go, as plain nodes.
  $('[data-report-rows]').replaceChildren(
    ...rows.map((row) =>
      el(
        'tr',
        { 'data-line': row.line, 'data-outcome': row.outcome },
        el('td', { class: 'num' }, row.line),
        el('td', {}, row.productId && row.outcome !== 'rejected' ? el('a', { href: `/pavilion/listing/?id=${encodeURIComponent(row.productId)}` }, row.sku) : el('code', {}, row.sku)),
        el('td', {}, el('span', { class: 'ws-badge', 'data-kind': row.outcome }, tr(`outcome.${row.outcome}` as WordKey))),
        el('td', {}, ...(row.errors ?? []).map((error) => el('div', {}, el('code', {}, error.field), ' ', error.message))),
      ),
    ),
  );
}
