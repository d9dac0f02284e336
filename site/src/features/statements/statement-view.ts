import type { z } from '@hono/zod-openapi';
import { chinaMonthOf, monthDays } from '../../../../functions/domain/settlement.js';
import type { LedgerEntrySchema, StatementSchema } from '../../../../functions/http/schemas/settlement.js';

/** A statement as GET /api/pavilion/statements and /api/operator/statements answer it. */
export type Statement = z.infer<typeof StatementSchema>;
type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/**
 * Fills StatementView.astro from a statement answer. The words come from the page's own i18n
 * (`tr`), amounts are formatted by the page's `money`; the exact minor units ride along in
 * data-amount, so what the page shows can be checked against the API to the minor unit.
 */
export interface StatementWords {
  readonly tr: (key: string, vars?: Record<string, string | number>) => string;
  readonly money: (amount: number, currency: string) => string;
  readonly dateTime: (iso: string) => string;
}

export const FIGURES = ['opening', 'sales', 'refunds', 'commission', 'payouts', 'adjustments', 'closing'] as const;

/** The month picker starts at the current month in China time. */
export function currentChinaMonth(): string {
  return chinaMonthOf(new Date().toISOString());
}

/** The month picked, as the statement query's days (both included). */
export function periodOfMonth(month: string): { readonly from: string; readonly to: string } {
  return monthDays(month);
}

export function renderStatement(root: ParentNode, statement: Statement, words: StatementWords): void {
  for (const figure of FIGURES) {
    const cell = root.querySelector<HTMLElement>(`[data-figure="${figure}"]`)!;
    cell.textContent = words.money(statement[figure].amount, statement.currency);
    cell.dataset.amount = String(statement[figure].amount);
  }
  const pass = root.querySelector<HTMLElement>('[data-statement-pass]')!;
  pass.textContent = words.tr('statements.passThrough', {
    tax: words.money(statement.passThrough.tax.amount, statement.currency),
    freight: words.money(statement.passThrough.freight.amount, statement.currency),
  });
  const rows = root.querySelector<HTMLElement>('[data-statement-rows]')!;
  rows.replaceChildren(...statement.entries.map((entry) => row(entry, words)));
  root.querySelector<HTMLElement>('[data-statement-empty]')!.hidden = statement.entries.length > 0;
}

function row(entry: LedgerEntry, words: StatementWords): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.entry = entry.entryId;
  tr.dataset.kind = entry.kind;
  const labels = ['statements.col.time', 'statements.col.kind', 'statements.col.order', 'statements.col.amount', 'statements.col.charged'].map((key) => words.tr(key));
  const reference = entry.orderId ? `${entry.orderId}${entry.lineNo !== undefined ? ` · ${entry.lineNo}` : ''}` : [entry.reference, entry.paidOn, entry.reason].filter(Boolean).join(' · ');
  const cells: [string, string, string?][] = [
    [words.dateTime(entry.at), ''],
    [`${words.tr(`kind.${entry.kind}`)}${entry.reversal ? ` ${words.tr('statements.reversal')}` : ''}`, ''],
    [reference, ''],
    [words.money(entry.amount.amount, entry.amount.currency), 'num', String(entry.amount.amount)],
    [entry.charged ? words.money(entry.charged.amount, entry.charged.currency) : '', 'num'],
  ];
  cells.forEach(([text, className, amount], index) => {
    const td = document.createElement('td');
    td.textContent = text;
    td.dataset.label = labels[index]!;
    if (className) td.className = className;
    if (amount !== undefined) {
      td.dataset.amount = amount;
      if (Number(amount) < 0) td.classList.add('neg');
    }
    tr.append(td);
  });
  return tr;
}

/** Saves a fetched CSV under the name the server gave it. */
export async function saveCsv(response: Response, fallbackName: string): Promise<void> {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
