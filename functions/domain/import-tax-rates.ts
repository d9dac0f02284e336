/**
 * The one table of what the store may import as cross-border retail and what it pays. Only goods on
 * China's CBEC retail import positive list (the 2019 edition as amended by 2022 No. 7) may come in
 * this way, and the store sells only HS codes an operator has marked on it here: a code with no row
 * is not sold. Within the limits the tariff is 0% and import VAT and consumption tax are charged at
 * 70% of their statutory amounts (财关税〔2016〕18号, 〔2018〕49号), so a line's rate is
 * (VAT + CT) / (1 − CT) × 0.7.
 *
 * VAT: 13% by default, 9% for farm products (VAT Law, in force 2026-01-01, Art. 10). Foods carry no
 * consumption tax. The rows marked "check" are our best reading, not a ruling (fresh fruit and meat
 * are most likely off the positive list); an operator who learns better changes the row here, and
 * every price, cart, order and customs document follows. The longest matching prefix wins, so a row
 * for one subheading can overrule its heading.
 */
export interface ImportTaxRow {
  /** The start of the HS code this row covers: a chapter (2 digits), heading (4) or subheading (6, 8). */
  readonly prefix: string;
  readonly goods: string;
  /** Statutory import VAT, in basis points (900 = 9%). */
  readonly vatBp: number;
  /** Statutory consumption tax, in basis points; 0 for all foods. */
  readonly consumptionTaxBp: number;
  /** Marked as on the positive list: the store may sell it as a cross-border retail import. */
  readonly positiveList: boolean;
  /** True where the reading is secondary or a judgement (see above). */
  readonly check?: true;
}

type RowOptions = { readonly check?: true; readonly off?: true };
const row = (vatBp: number) => (prefix: string, goods: string, options: RowOptions = {}): ImportTaxRow => ({
  prefix, goods, vatBp, consumptionTaxBp: 0, positiveList: !options.off, ...(options.check ? { check: true as const } : {}),
});
const farm = row(900);
const standard = row(1300);
const check = { check: true } as const;
const offList = { check: true, off: true } as const;

export const IMPORT_TAX_ROWS: readonly ImportTaxRow[] = [
  farm('0210', 'meat, salted, dried or smoked', offList),
  farm('0401', 'milk and cream'),
  standard('0402', 'milk powder, condensed milk', check),
  standard('0403', 'yogurt and fermented milk'),
  standard('0405', 'butter and ghee', check),
  standard('0406', 'cheese and curd', check),
  farm('0409', 'natural honey', check),
  farm('0802', 'nuts', check),
  farm('0804', 'dates and figs', check),
  farm('080450', 'mangoes and guavas, fresh', offList),
  farm('0805', 'citrus fruit, fresh', offList),
  farm('080610', 'grapes, fresh', offList),
  farm('080620', 'raisins', check),
  farm('0807', 'melons, fresh', offList),
  farm('0808', 'apples and pears, fresh', offList),
  farm('0809', 'cherries, apricots and stone fruit, fresh', offList),
  farm('0810', 'other fresh fruit', offList),
  farm('0813', 'dried fruit', check),
  standard('0902', 'tea'),
  standard('0904', 'pepper and paprika', check),
  standard('0909', 'seeds of cumin, coriander, anise', check),
  standard('0910', 'saffron, ginger and other spices', check),
  farm('1006', 'rice', check),
  farm('1008', 'buckwheat and other cereals', check),
  farm('1101', 'wheat flour', check),
  standard('1211', 'herbs for infusions', check),
  farm('1509', 'olive oil', check),
  farm('1512', 'sunflower oil', check),
  farm('1515', 'other vegetable oils', check),
  standard('1601', 'sausages', offList),
  standard('1704', 'sugar confectionery'),
  standard('1806', 'chocolate'),
  standard('1905', 'biscuits and pastry'),
  standard('2007', 'jam and preserves'),
  standard('2008', 'nuts and fruit, prepared', check),
  standard('2009', 'fruit juices'),
  standard('2106', 'food preparations', check),
  standard('2201', 'mineral water'),
  standard('2202', 'soft drinks'),
  farm('2501', 'edible salt', check),
  standard('4419', 'wooden tableware', check),
  standard('5702', 'woven carpets and rugs', check),
  standard('5704', 'felt carpets', check),
  standard('6214', 'shawls and scarves', check),
  standard('6302', 'table and kitchen linen', check),
  standard('6304', 'furnishing articles', check),
  standard('6307', 'made-up textile articles', check),
  standard('6912', 'ceramic tableware', check),
  standard('8306', 'ornaments of base metal', check),
  standard('9405', 'lamps', check),
];

/** Every HS code without a row: the standard VAT rate, and not on the positive list until an operator adds it. */
export const DEFAULT_IMPORT_TAX_ROW: ImportTaxRow = { prefix: '', goods: 'not marked for cross-border retail', vatBp: 1300, consumptionTaxBp: 0, positiveList: false };

/** Cross-border retail imports pay 70% of the statutory VAT and consumption tax. */
const CBEC_SHARE = { numerator: 7n, denominator: 10n } as const;

/** Whether goods under this code may be sold as a cross-border retail import (on the positive list). */
export function crossBorderImportable(hsCode: string): boolean {
  return importTaxRowFor(hsCode).positiveList;
}

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

/** The rate a shopper reads (6.3 for honey, 9.1 for jam), as a percentage rounded to one decimal. */
export function effectiveRatePercent(row: Pick<ImportTaxRow, 'vatBp' | 'consumptionTaxBp'>): number {
  // In thousandths of a percent, exactly, then rounded half-up to a tenth.
  const thousandths = importTaxOn(100_000, row);
  return Math.round(thousandths / 100) / 10;
}
