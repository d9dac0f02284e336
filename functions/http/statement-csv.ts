import { csvLine } from '../domain/listing-import.js';
import type { LedgerEntry } from '../domain/settlement.js';
import type { Statement } from '../usecases/settlement.js';
import { decimal } from './customs-csv.js';
import type { Money } from '../domain/money.js';

export type CsvLanguage = 'zh' | 'ru' | 'en';

/** The headers in the manager's language; the figures are decimals of the currency's major unit, as people write them. */
const HEADERS: Readonly<Record<CsvLanguage, readonly string[]>> = {
  en: ['Time (UTC)', 'Kind', 'Order', 'Line', 'Amount', 'Currency', 'Charged', 'Charged currency', 'Refund', 'Reference', 'Reason'],
  ru: ['Время (UTC)', 'Вид', 'Заказ', 'Строка', 'Сумма', 'Валюта', 'Оплачено', 'Валюта оплаты', 'Возврат', 'Референс', 'Причина'],
  zh: ['时间（UTC）', '类型', '订单', '行', '金额', '币种', '支付金额', '支付币种', '退款', '参考号', '原因'],
};

const CELLS: readonly ((entry: LedgerEntry) => string)[] = [
  (e) => e.at,
  (e) => `${e.kind}${e.reversal ? ' (reversal)' : ''}`,
  (e) => e.orderId ?? '',
  (e) => (e.lineNo === undefined ? '' : String(e.lineNo)),
  (e) => signedDecimal(e.amount),
  (e) => e.amount.currency,
  (e) => (e.charged ? signedDecimal(e.charged) : ''),
  (e) => e.charged?.currency ?? '',
  (e) => e.refundId ?? '',
  (e) => [e.reference, e.paidOn].filter(Boolean).join(' '),
  (e) => e.reason ?? '',
];

/** RFC 4180 with CRLF line ends, the header row first; operators' words cannot start a formula. */
export function statementCsv(statement: Statement, language: CsvLanguage): string {
  const rows = statement.entries.map((entry) => csvLine(CELLS.map((cell) => inert(cell(entry)))));
  return [csvLine(HEADERS[language]), ...rows].map((row) => `${row}\r\n`).join('');
}

/** The first of zh, ru, en an Accept-Language header names, else English. */
export function csvLanguageOf(acceptLanguage: string | undefined): CsvLanguage {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'zh' || tag === 'ru' || tag === 'en') return tag;
  }
  return 'en';
}

/** A text cell starting with = + @ (or a tab or CR) would run as a formula in a spreadsheet (OWASP "CSV injection"); figures may start with −. */
function inert(value: string): string {
  return /^[=+@\t\r]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
}

/** `-1234` tyiyn as `-12.34`: exact, signed. */
export function signedDecimal(value: Money): string {
  return value.amount < 0 ? `-${decimal({ ...value, amount: -value.amount })}` : decimal(value);
}
