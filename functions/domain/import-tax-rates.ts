/**
 * The one table that turns a listing's HS code into the import tax it pays as a cross-border retail
 * import into China. Within the limits the tariff is 0% and import VAT and consumption tax are
 * charged at 70% of their statutory amounts (财关税〔2016〕18号, 〔2018〕49号), so a line's rate is
 * (VAT + CT) / (1 − CT) × 0.7.
 *
 * VAT: 13% by default, 9% for farm products (VAT Law, in force 2026-01-01, Art. 10). Foods carry no
 * consumption tax. The rows marked "check" are our best reading, not a ruling; an operator who
 * learns better changes the row here, and every price, order and customs document follows.
 * The longest matching prefix wins, so a row for one 8-digit subheading can overrule its heading.
 */
export interface ImportTaxRow {
  /** The start of the HS code this row covers: a chapter (2 digits), heading (4) or subheading (6, 8). */
  readonly prefix: string;
  readonly goods: string;
  /** Statutory import VAT, in basis points (900 = 9%). */
  readonly vatBp: number;
  /** Statutory consumption tax, in basis points; 0 for all foods. */
  readonly consumptionTaxBp: number;
  /** True where the reading is secondary or a judgement (see above). */
  readonly check?: true;
}

const farm = (prefix: string, goods: string, check?: true): ImportTaxRow => ({ prefix, goods, vatBp: 900, consumptionTaxBp: 0, ...(check ? { check } : {}) });
const standard = (prefix: string, goods: string, check?: true): ImportTaxRow => ({ prefix, goods, vatBp: 1300, consumptionTaxBp: 0, ...(check ? { check } : {}) });

export const IMPORT_TAX_ROWS: readonly ImportTaxRow[] = [
  farm('0401', 'milk and cream'),
  standard('0402', 'milk powder, condensed milk', true),
  standard('0403', 'yogurt and fermented milk'),
  standard('0405', 'butter and ghee', true),
  standard('0406', 'cheese and curd', true),
  farm('0409', 'natural honey', true),
  farm('0802', 'nuts', true),
  farm('0804', 'dates, figs, mangoes', true),
  farm('0805', 'citrus fruit', true),
  farm('0806', 'grapes and raisins', true),
  farm('0807', 'melons', true),
  farm('0808', 'apples and pears', true),
  farm('0809', 'cherries, apricots and stone fruit'),
  farm('0810', 'other fresh fruit'),
  farm('0813', 'dried fruit', true),
  farm('1006', 'rice', true),
  farm('1008', 'buckwheat and other cereals', true),
  farm('1101', 'wheat flour', true),
  farm('1509', 'olive oil', true),
  farm('1515', 'other vegetable oils', true),
  standard('2007', 'jam and preserves'),
  farm('2501', 'edible salt', true),
];

/** Every HS code not in the table: the standard VAT rate, no consumption tax (VAT Law Art. 10). */
export const DEFAULT_IMPORT_TAX_ROW: ImportTaxRow = { prefix: '', goods: 'other goods', vatBp: 1300, consumptionTaxBp: 0 };

/** Cross-border retail imports pay 70% of the statutory VAT and consumption tax. */
const CBEC_SHARE = { numerator: 7n, denominator: 10n } as const;

export function importTaxRowFor(hsCode: string): ImportTaxRow {
  let best = DEFAULT_IMPORT_TAX_ROW;
  for (const row of IMPORT_TAX_ROWS) {
    if (hsCode.startsWith(row.prefix) && row.prefix.length > best.prefix.length) best = row;
  }
  return best;
}

/**
 * The tax on one line's dutiable value (goods plus its share of freight), in the same minor unit,
 * rounded half-up to the fen: value × (VAT + CT) / (1 − CT) × 0.7, computed exactly.
 */
export function importTaxOn(dutiableValue: number, row: Pick<ImportTaxRow, 'vatBp' | 'consumptionTaxBp'>): number {
  if (!Number.isSafeInteger(dutiableValue) || dutiableValue < 0) throw new RangeError(`Cannot tax ${dutiableValue}`);
  const numerator = BigInt(dutiableValue) * BigInt(row.vatBp + row.consumptionTaxBp) * CBEC_SHARE.numerator;
  const denominator = BigInt(10_000 - row.consumptionTaxBp) * CBEC_SHARE.denominator;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * The rate a shopper reads (6.3%, 9.1%), in hundredths of a basis point so it stays exact for any
 * consumption tax: 63_000 means 6.3000%.
 */
export function effectiveRateMicro(row: Pick<ImportTaxRow, 'vatBp' | 'consumptionTaxBp'>): number {
  const numerator = BigInt(row.vatBp + row.consumptionTaxBp) * 10_000n * 100n * CBEC_SHARE.numerator;
  const denominator = BigInt(10_000 - row.consumptionTaxBp) * CBEC_SHARE.denominator;
  return Number((2n * numerator + denominator) / (2n * denominator));
}
