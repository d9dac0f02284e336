import { describe, expect, it } from 'vitest';
import { effectiveRatePercent, importTaxRowFor } from '../../functions/domain/import-tax-rates.js';
import { importStatusOf, ratePercentText } from '../../site/src/features/live-product/import-status.js';
import { LOW_STOCK, stockLevel, stockText } from '../../site/src/features/live-product/stock-status.js';

const texts = { in: 'In stock: {n}', low: 'Only {n} left', out: 'Sold out' };

describe('the stock line on a product page', () => {
  it('says how many are in stock when there are plenty', () => {
    expect(stockText(12, texts)).toBe('In stock: 12');
    expect(stockLevel(LOW_STOCK + 1)).toBe('in');
  });

  it(`warns "only N left" at ${LOW_STOCK} units or fewer`, () => {
    expect(stockText(3, texts)).toBe('Only 3 left');
    expect(stockText(LOW_STOCK, texts)).toBe(`Only ${LOW_STOCK} left`);
    expect(stockText(1, texts)).toBe('Only 1 left');
  });

  it('says sold out at zero, and never shows a negative count', () => {
    expect(stockText(0, texts)).toBe('Sold out');
    expect(stockLevel(-2)).toBe('out');
  });

  it('formats the count with the shopper’s locale', () => {
    const ru = new Intl.NumberFormat('ru-RU');
    expect(stockText(1200, { ...texts, in: 'В наличии: {n} шт.' }, (n) => ru.format(n))).toBe('В наличии: 1\u00a0200 шт.');
  });
});

describe('whether a product page offers the product to China', () => {
  it('gives an importable product its cross-border import tax rate, from the domain’s table', () => {
    expect(importStatusOf('0409000000')).toEqual({ kind: 'importable', ratePercent: effectiveRatePercent(importTaxRowFor('0409000000')) });
    expect(importStatusOf('0409000000')).toEqual({ kind: 'importable', ratePercent: 6.3 });
    expect(importStatusOf('2007999000')).toEqual({ kind: 'importable', ratePercent: 9.1 });
  });

  it('offers nothing China does not let in as a cross-border retail import, and says why', () => {
    // Fresh cherries and dried meat are off the positive list; a listing with no HS code cannot be declared.
    expect(importStatusOf('0809290000')).toEqual({ kind: 'not_importable' });
    expect(importStatusOf('0210200000')).toEqual({ kind: 'not_importable' });
    expect(importStatusOf('')).toEqual({ kind: 'no_hs_code' });
    expect(importStatusOf(undefined)).toEqual({ kind: 'no_hs_code' });
  });

  it('writes the rate as the shopper’s locale writes a percentage', () => {
    expect(ratePercentText(6.3, 'zh-CN')).toBe('6.3%');
    expect(ratePercentText(6.3, 'en-GB')).toBe('6.3%');
    expect(ratePercentText(6.3, 'ru-RU')).toBe('6,3\u00a0%');
    expect(ratePercentText(9, 'en-GB')).toBe('9%');
  });
});
