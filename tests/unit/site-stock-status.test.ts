import { describe, expect, it } from 'vitest';
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
