import { ApiError, api } from './api.js';
import { $, el } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { tr, type WordKey } from './i18n.js';
import { fail, startWorkspace } from './workspace.js';

interface RowReport {
  line: number;
  sku: string;
  productId?: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  errors?: { field: string; message: string }[];
}
interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  report: RowReport[];
}

/** Sends a CSV file (picked or dropped) to POST /imports and shows what happened to each row. */
const form = $<HTMLFormElement>('[data-import-form]');
const picker = $<HTMLInputElement>('[data-file]');
const banner = $('[data-import-banner]');
const onlyRejected = $<HTMLInputElement>('[data-only-rejected]');
let last: ImportReport | null = null;

void startWorkspace().then((workspace) => {
  if (!workspace) return;
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
  banner.hidden = true;
  const summary = $('[data-summary]');
  $('[data-report]').hidden = false;
  summary.textContent = tr('import.running', { name: file.name });
  $('[data-report-rows]').replaceChildren();
  try {
    last = await api<ImportReport>('/imports', { method: 'POST', body: file, headers: { 'content-type': 'text/csv' } });
    onlyRejected.checked = last.rejected > 0;
    render();
  } catch (error) {
    $('[data-report]').hidden = true;
    if (error instanceof ApiError) {
      banner.hidden = false;
      const problems = error.errors.map((item) => `${item.field}: ${item.message}`).join(' · ');
      banner.textContent = [error.title, error.detail, problems].filter(Boolean).join(' — ');
    } else await fail(error);
  }
}

function render(): void {
  if (!last) return;
  const { rows: total, created, updated, unchanged, rejected } = last;
  $('[data-summary]').textContent = tr('import.summary', { rows: total, created, updated, unchanged, rejected });
  const rows = onlyRejected.checked ? last.report.filter((row) => row.outcome === 'rejected') : last.report;
  // Thousands of rows: build them in one go, as plain nodes.
  $('[data-report-rows]').replaceChildren(
    ...rows.map((row) =>
      el(
        'tr',
        {},
        el('td', { class: 'num' }, row.line),
        el('td', {}, row.productId && row.outcome !== 'rejected' ? el('a', { href: `/pavilion/listing/?id=${encodeURIComponent(row.productId)}` }, row.sku) : el('code', {}, row.sku)),
        el('td', {}, el('span', { class: 'ws-badge', 'data-kind': row.outcome }, tr(`outcome.${row.outcome}` as WordKey))),
        el('td', {}, ...(row.errors ?? []).map((error) => el('div', {}, el('code', {}, error.field), ' ', error.message))),
      ),
    ),
  );
}
