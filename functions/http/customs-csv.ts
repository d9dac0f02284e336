import { csvLine } from '../domain/listing-import.js';
import { minorUnitExponent, type Money } from '../domain/money.js';
import type { CustomsDocument, CustomsLine } from '../usecases/customs-document.js';

/**
 * The customs document as CSV: one row per line, the order's columns repeated on every row, so a
 * spreadsheet filter or a customs upload tool reads each row alone. Amounts are decimal yuan (or
 * the charged currency's major unit for amount_paid), as people and customs systems write them;
 * the JSON answer keeps integer minor units.
 */
const COLUMNS: ReadonlyArray<readonly [string, (document: CustomsDocument, line: CustomsLine) => string]> = [
  ['order_id', (d) => d.orderId],
  ['status', (d) => d.status],
  ['created_at', (d) => d.createdAt],
  ['paid_at', (d) => d.paidAt ?? ''],
  ['buyer_name', (d) => d.buyer.name],
  ['buyer_id_number', (d) => d.buyer.idNumber],
  ['buyer_phone', (d) => d.buyer.phone],
  ['recipient_name', (d) => d.recipient.name],
  ['recipient_phone', (d) => d.recipient.phone],
  ['province_code', (d) => d.recipient.province.code],
  ['province', (d) => d.recipient.province.name],
  ['city_code', (d) => d.recipient.city.code],
  ['city', (d) => d.recipient.city.name],
  ['district_code', (d) => d.recipient.district.code],
  ['district', (d) => d.recipient.district.name],
  ['address', (d) => d.recipient.address],
  ['postcode', (d) => d.recipient.postcode],
  ['line_no', (_, l) => String(l.lineNo)],
  ['pavilion', (_, l) => l.pavilion],
  ['sku', (_, l) => l.sku],
  ['hs_code', (_, l) => l.hsCode],
  ['title', (_, l) => l.title],
  ['quantity', (_, l) => String(l.quantity)],
  ['unit_price_cny', (_, l) => decimal(l.unitPriceCny)],
  ['goods_cny', (_, l) => decimal(l.goodsCny)],
  ['freight_cny', (_, l) => decimal(l.freightCny)],
  ['dutiable_cny', (_, l) => decimal(l.dutiableCny)],
  ['tax_cny', (_, l) => decimal(l.taxCny)],
  ['order_goods_cny', (d) => decimal(d.goods)],
  ['order_freight_cny', (d) => decimal(d.freight)],
  ['order_dutiable_value_cny', (d) => decimal(d.dutiableValue)],
  ['order_tax_cny', (d) => decimal(d.tax)],
  ['amount_paid', (d) => decimal(d.amountPaid)],
  ['currency', (d) => d.currency],
  ['payment_id', (d) => d.paymentId ?? ''],
  ['notice_version', (d) => d.notice.version],
  ['notice_accepted_at', (d) => d.notice.acceptedAt],
];

export const CUSTOMS_CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/** RFC 4180, CRLF line ends, header row first. */
export function customsCsv(document: CustomsDocument): string {
  const rows = document.lines.map((line) => csvLine(COLUMNS.map(([, value]) => inert(value(document, line)))));
  return [csvLine(CUSTOMS_CSV_COLUMNS), ...rows].map((row) => `${row}\r\n`).join('');
}

/** `12345` fen as `123.45`: exact (no floating point), with the currency's own number of decimals. */
export function decimal(value: Money): string {
  const exponent = minorUnitExponent(value.currency);
  if (exponent === 0) return String(value.amount);
  const digits = String(value.amount).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Names and addresses are the shopper's own text: one starting with = + - @ (or a tab or CR) would
 * run as a formula when the file is opened in a spreadsheet (OWASP "CSV injection"). A leading
 * apostrophe keeps it text; no figure we write starts with one of them.
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
