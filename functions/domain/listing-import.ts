import { normalizeHsCode, productIdFor, type Product } from './catalogue.js';
import { LANGUAGES } from './languages.js';
import { contentOf, sameContent, type FieldIssue, type ListingContent } from './listing.js';
import { isCurrency, minorUnitExponent } from './money.js';
import type { PavilionCode } from './pavilion.js';
import { MAX_ON_HAND } from './stock.js';

/**
 * Bulk import of listings from CSV: one row per SKU, idempotent by SKU (the same file twice
 * changes nothing). Prices are written as decimals in the pavilion's currency (`350.50`), which
 * people type, and converted to minor units exactly, without floats.
 */

/**
 * Rows per request. An import runs inside one API request (a Lambda behind API Gateway's 30 s
 * limit): 1,000 rows take a few seconds even on DynamoDB Local, so a larger file is sent in parts
 * of at most 1,000 rows, each with the header repeated (the workspace page splits it).
 */
export const MAX_IMPORT_ROWS = 1_000;

/**
 * Bytes per request. A 1,000-row part with three languages is under 1 MB; a 5,000-row file 2-4 MB.
 * Lambda takes at most 6 MB of request payload (HTTP API allows 10 MB), so 6 MB is the real
 * ceiling in AWS and the API's limit too.
 */
export const IMPORT_MAX_BYTES = 6 * 1024 * 1024;

const localized = (name: string) => LANGUAGES.map((language) => `${name}_${language}`);

export const IMPORT_COLUMNS = [
  'sku', 'category',
  ...localized('title'), ...localized('description'), ...localized('unit'),
  'price', 'currency', 'weight_grams',
  ...localized('origin'), ...localized('producer'),
  'fulfilment_mode', 'lead_time_days', 'hs_code', 'certificates', 'images', 'on_hand',
] as const;

/** What each column holds, for the template and the workspace's help text. */
export const IMPORT_COLUMN_HELP: Record<string, string> = {
  sku: 'your own SKU: letters, digits, dot, dash, underscore; the row is matched to a listing by it',
  category: 'one of the catalogue categories (honey, fruit, jam, dairy, ...)',
  price: 'price per unit as a decimal in your pavilion currency, e.g. 350.50',
  currency: 'your pavilion currency (ISO 4217), e.g. KGS',
  weight_grams: 'shipping weight of one unit in grams',
  fulfilment_mode: 'bonded_warehouse, direct_rail or direct_air',
  lead_time_days: 'days from payment to dispatch',
  hs_code: "China's 10-digit tariff code, e.g. 0409000000 for natural honey; format the column as text, or a spreadsheet drops the leading 0",
  certificates: 'kind|number|issuer|YYYY-MM-DD, several separated by ;  (kinds: gacc halal organic eac gi iso22000 other)',
  images: 'image paths from the workspace uploads (/media/...), separated by spaces',
  on_hand: 'optional: units on hand; leave empty to keep the current stock',
};

export const TEMPLATE_EXAMPLE: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  sku: 'HONEY-WHITE-500',
  category: 'honey',
  title_zh: '伊塞克湖白蜜 500克',
  title_ru: 'Белый мёд Иссык-Куля, 500 г',
  title_en: 'Issyk-Kul white honey, 500 g',
  description_zh: '来自天山高山草甸的奶油状白蜜。',
  description_ru: 'Кремовый белый мёд с альпийских лугов Тянь-Шаня.',
  description_en: 'Creamy white honey from the alpine meadows of the Tian Shan.',
  unit_zh: '罐',
  unit_ru: 'банка',
  unit_en: 'jar',
  price: '650.00',
  currency: 'KGS',
  weight_grams: '560',
  origin_zh: '吉尔吉斯斯坦伊塞克湖州',
  origin_ru: 'Иссык-Кульская область, Кыргызстан',
  origin_en: 'Issyk-Kul region, Kyrgyzstan',
  producer_zh: '卡拉科尔养蜂合作社',
  producer_ru: 'Пчеловодческий кооператив Каракола',
  producer_en: 'Karakol Beekeepers Cooperative',
  fulfilment_mode: 'direct_rail',
  lead_time_days: '14',
  hs_code: '0409000000',
  certificates: 'gacc|CKGZ12012209210001|GACC|2027-12-31',
  images: '',
  on_hand: '120',
};

/** A row turned into typed values, not yet validated (the HTTP layer checks it against the listing schema). */
export interface ImportRowCandidate {
  readonly line: number;
  readonly sku: string;
  readonly content: unknown;
  readonly onHand?: number;
  /** Problems found while reading the strings (a price that is not a number ...). */
  readonly issues: FieldIssue[];
}

export function readImportRow(record: Record<string, string | undefined>, line: number, pavilionCurrency?: string): ImportRowCandidate {
  const issues: FieldIssue[] = [];
  const text = (column: string) => (record[column] ?? '').trim();
  const texts = (name: string) => Object.fromEntries(LANGUAGES.map((language) => [language, text(`${name}_${language}`)]));
  const whole = (column: string, required: boolean): number | undefined => {
    const value = text(column);
    if (value === '' && !required) return undefined;
    if (!/^\d{1,9}$/.test(value)) {
      issues.push({ field: column, message: value === '' ? 'required' : 'a whole number' });
      return undefined;
    }
    return Number(value);
  };

  const currency = text('currency').toUpperCase();
  let amount: number | undefined;
  if (!isCurrency(currency)) issues.push({ field: 'currency', message: 'an ISO 4217 code of a supported currency' });
  else {
    if (pavilionCurrency && currency !== pavilionCurrency) issues.push({ field: 'currency', message: `the pavilion prices in ${pavilionCurrency}` });
    amount = parseDecimal(text('price'), minorUnitExponent(currency)) ?? undefined;
    if (amount === undefined) issues.push({ field: 'price', message: `a price such as 350.50 (at most ${minorUnitExponent(currency)} decimals)` });
  }

  const certificates = text('certificates')
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [kind, number, issuer, validUntil, ...rest] = entry.split('|').map((part) => part.trim());
      if (rest.length > 0 || validUntil === undefined) issues.push({ field: 'certificates', message: `"${entry}" is not kind|number|issuer|YYYY-MM-DD` });
      return { kind, number, issuer, validUntil };
    });

  const hsCode = normalizeHsCode(text('hs_code'));
  // Spreadsheets read 0409000000 as a number and save 409000000: say so, rather than only "10 digits".
  if (/^[1-9]\d{8}$/.test(hsCode)) issues.push({ field: 'hs_code', message: `9 digits: a spreadsheet may have dropped the leading 0 (0${hsCode}?); format the column as text` });

  const content = {
    category: text('category'),
    title: texts('title'),
    description: texts('description'),
    unit: texts('unit'),
    price: { amount, currency },
    weightGrams: whole('weight_grams', true),
    origin: texts('origin'),
    producer: texts('producer'),
    certificates,
    fulfilment: { mode: text('fulfilment_mode'), leadTimeDays: whole('lead_time_days', true) },
    hsCode,
    images: text('images').split(/[\s;]+/).filter(Boolean),
  };
  // The same ceiling as a listing created or counted in the workspace: a typo (999999999) is caught, not stocked.
  const onHand = whole('on_hand', false);
  if (onHand !== undefined && onHand > MAX_ON_HAND) issues.push({ field: 'on_hand', message: `at most ${MAX_ON_HAND} units on hand` });
  return { line, sku: text('sku'), content, onHand, issues };
}

/** `350.5` -> 35050 for exponent 2, exactly (string arithmetic); null when it is not a plain decimal. */
export function parseDecimal(value: string, exponent: number): number | null {
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(value);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** Names a schema path (`title.zh`, `certificates.0.kind`) by the CSV column it came from. */
export function columnForField(field: string): string {
  const [head, second] = field.split('.');
  switch (head) {
    case 'price':
      return second === 'currency' ? 'currency' : 'price';
    case 'weightGrams':
      return 'weight_grams';
    case 'hsCode':
      return 'hs_code';
    case 'fulfilment':
      return second === 'leadTimeDays' ? 'lead_time_days' : 'fulfilment_mode';
    case 'certificates':
    case 'images':
      return head;
    case 'title':
    case 'description':
    case 'unit':
    case 'origin':
    case 'producer':
      return second ? `${head}_${second}` : head;
    default:
      return head ?? field;
  }
}

export interface ValidImportRow {
  readonly line: number;
  readonly sku: string;
  readonly content: ListingContent;
  readonly onHand?: number;
}

export type ImportDecision =
  | { readonly line: number; readonly sku: string; readonly action: 'create'; readonly productId: string; readonly row: ValidImportRow }
  | { readonly line: number; readonly sku: string; readonly action: 'update'; readonly productId: string; readonly row: ValidImportRow; readonly current: Product; readonly contentChanged: boolean }
  | { readonly line: number; readonly sku: string; readonly action: 'unchanged'; readonly productId: string }
  | { readonly line: number; readonly sku: string; readonly action: 'reject'; readonly productId?: string; readonly errors: readonly FieldIssue[] };

/**
 * Decides what each valid row does, given the listings that already exist under the rows' ids.
 * A row whose content and on-hand match the listing is `unchanged`, which makes importing the
 * same file twice a no-op. The first row of a SKU wins; later duplicates are rejected.
 */
export function planImport(pavilion: PavilionCode, rows: readonly ValidImportRow[], existing: ReadonlyMap<string, Product>): ImportDecision[] {
  const seen = new Map<string, ValidImportRow>();
  return rows.map((row): ImportDecision => {
    const productId = productIdFor(pavilion, row.sku);
    const reject = (field: string, message: string): ImportDecision => ({ line: row.line, sku: row.sku, action: 'reject', productId, errors: [{ field, message }] });
    const earlier = seen.get(productId);
    if (earlier) return reject('sku', `the same listing as line ${earlier.line} (${earlier.sku})`);
    seen.set(productId, row);

    const current = existing.get(productId);
    if (!current) return { line: row.line, sku: row.sku, action: 'create', productId, row };
    if (current.pavilion !== pavilion) return reject('sku', 'belongs to another pavilion');
    if (current.sku !== row.sku) return reject('sku', `maps to the same product id as your SKU ${current.sku}`);
    if (current.status === 'archived') return reject('sku', 'this listing is archived; restore it in the workspace first');
    const contentChanged = !sameContent(contentOf(current), row.content);
    const stockChanged = row.onHand !== undefined && row.onHand !== current.stock + current.reserved;
    if (!contentChanged && !stockChanged) return { line: row.line, sku: row.sku, action: 'unchanged', productId };
    return { line: row.line, sku: row.sku, action: 'update', productId, row, current, contentChanged };
  });
}

/** RFC 4180 quoting, for the template. */
export function csvLine(values: readonly string[]): string {
  return values.map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',');
}

export function importTemplateCsv(): string {
  return `${csvLine(IMPORT_COLUMNS)}\r\n${csvLine(IMPORT_COLUMNS.map((column) => TEMPLATE_EXAMPLE[column] ?? ''))}\r\n`;
}
