import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_TAX_ROW, effectiveRatePercent, crossBorderImportable, importTaxOn, importTaxRowFor, IMPORT_TAX_ROWS } from '../../functions/domain/import-tax-rates.js';

describe('the import tax table: HS code to rate', () => {
  it.each([
    // goods, HS code, statutory VAT, the cross-border rate (70% of it)
    ['natural honey', '0409000000', 900, '6.3'],
    ['milk', '0401200000', 900, '6.3'],
    ['fresh cherries', '0809290000', 900, '6.3'],
    ['dried apricots', '0813100000', 900, '6.3'],
    ['yogurt', '0403100000', 1300, '9.1'],
    ['jam', '2007999000', 1300, '9.1'],
    ['cheese', '0406900000', 1300, '9.1'],
    ['a wooden bowl', '4419900000', 1300, '9.1'],
    ['a code with no row (the standard rate)', '9999999999', 1300, '9.1'],
  ])('%s (%s): VAT %i bp, %s%% at the border', (_goods, hsCode, vatBp, rate) => {
    const row = importTaxRowFor(hsCode);
    expect(row.vatBp).toBe(vatBp);
    expect(row.consumptionTaxBp).toBe(0);
    expect(effectiveRatePercent(row).toFixed(1)).toBe(rate);
  });

  it('gives every code outside the table 13% VAT, and does not sell it: nobody marked it on the positive list', () => {
    expect(importTaxRowFor('9999999999')).toBe(DEFAULT_IMPORT_TAX_ROW);
    expect(DEFAULT_IMPORT_TAX_ROW).toMatchObject({ vatBp: 1300, consumptionTaxBp: 0, positiveList: false });
    expect(crossBorderImportable('9999999999')).toBe(false);
  });

  it.each([
    ['natural honey', '0409000000', true],
    ['raisins', '0806200000', true],
    ['dried apricots', '0813100000', true],
    ['fresh cherries', '0809290000', false],
    ['fresh grapes', '0806100000', false],
    ['fresh mangoes', '0804502000', false],
    ['dates', '0804100000', true],
    ['smoked horse meat', '0210990000', false],
  ])('%s (%s) on the positive list: %s', (_goods, hsCode, listed) => {
    expect(crossBorderImportable(hsCode)).toBe(listed);
  });

  it('lets the longest prefix win', () => {
    const rows = [...IMPORT_TAX_ROWS].sort((a, b) => b.prefix.length - a.prefix.length);
    for (const row of rows) expect(importTaxRowFor(`${row.prefix}${'0'.repeat(10 - row.prefix.length)}`).prefix).toBe(row.prefix);
  });
});

describe('the tax on a dutiable value, rounded half-up to the fen', () => {
  const honey = importTaxRowFor('0409000000');
  const jam = importTaxRowFor('2007999000');

  it.each([
    // dutiable value in fen, rate row, tax in fen (exact value)
    [10_000, honey, 630], // CNY 100.00 x 6.3% = 6.30
    [10_000, jam, 910], // CNY 100.00 x 9.1% = 9.10
    [12_345, honey, 778], // 7.77735
    [12_345, jam, 1_123], // 11.23395
    [29_232, honey, 1_842], // 18.41616
    [500_000, jam, 45_500], // CNY 5,000.00 at 9.1% = 455.00
    [1, honey, 0], // 0.063 fen
    [8, honey, 1], // 0.504 fen: half-up
    [0, jam, 0],
  ])('%i fen at %o pays %i fen', (value, row, tax) => {
    expect(importTaxOn(value, row)).toBe(tax);
  });

  it('rounds an exact half fen up', () => {
    // 50 fen x 9% x 0.7 = 3.15 fen; with a 10% VAT row: 50 x 0.07 = 3.5 fen -> 4.
    expect(importTaxOn(50, { vatBp: 1000, consumptionTaxBp: 0 })).toBe(4);
  });

  it('applies a consumption tax as (VAT + CT) / (1 − CT) × 0.7', () => {
    // Wine-like row: 13% VAT, 10% CT: 100.00 x 0.23 / 0.9 x 0.7 = 17.888... -> 17.89
    expect(importTaxOn(10_000, { vatBp: 1300, consumptionTaxBp: 1000 })).toBe(1_789);
  });

  it('refuses a negative or fractional value', () => {
    expect(() => importTaxOn(-1, honey)).toThrow(RangeError);
    expect(() => importTaxOn(1.5, honey)).toThrow(RangeError);
  });
});
