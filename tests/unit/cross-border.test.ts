import { describe, expect, it } from 'vitest';
import { emptyCart, setLineQuantity } from '../../functions/domain/cart.js';
import { goodsValueInCny, PER_ORDER_LIMIT_CNY, withinPerOrderLimit } from '../../functions/domain/cross-border.js';
import { rateBetween } from '../../functions/domain/exchange-rates.js';
import { convertMoney, MAX_AMOUNT } from '../../functions/domain/money.js';
import { chargeIn, priceCart } from '../../functions/domain/pricing.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { aProduct } from '../fixtures/products.js';

const honey = aProduct({ sku: 'XB-HNY', stock: 100, price: { amount: 120_000, currency: 'KGS' } });
const chocolate = aProduct({ pavilion: 'RU', sku: 'XB-CHOC', stock: 100, price: { amount: 39_900, currency: 'RUB' } });

function pricedLines(products: readonly Product[], quantities: Record<string, number>) {
  let cart = emptyCart('c'.repeat(22), '2026-01-01T00:00:00.000Z');
  for (const [id, quantity] of Object.entries(quantities)) cart = setLineQuantity(cart, id, quantity, '2026-01-01T00:00:00.000Z');
  return priceCart(cart, new Map(products.map((product) => [product.id, product] as const))).lines;
}

describe('China’s cross-border per-order limit', () => {
  it('is CNY 5,000.00, in minor units', () => {
    expect(PER_ORDER_LIMIT_CNY).toEqual({ amount: 500_000, currency: 'CNY' });
  });

  it('lets an order of exactly ¥5,000.00 through and refuses ¥5,000.01', () => {
    expect(withinPerOrderLimit({ amount: 500_000, currency: 'CNY' })).toBe(true);
    expect(withinPerOrderLimit({ amount: 500_001, currency: 'CNY' })).toBe(false);
    expect(withinPerOrderLimit({ amount: MAX_AMOUNT, currency: 'CNY' })).toBe(false);
  });

  it('adds up a CNY cart as it stands: two units of ¥2,500.00 are within, one more fen is not', () => {
    const atLimit = aProduct({ sku: 'XB-HALF', stock: 5, price: { amount: 250_000, currency: 'CNY' } });
    const justOver = aProduct({ sku: 'XB-HALF-PLUS', stock: 5, price: { amount: 250_001, currency: 'CNY' } });
    const exact = goodsValueInCny(pricedLines([atLimit], { [atLimit.id]: 2 }), rateBetween);
    const over = goodsValueInCny(pricedLines([justOver], { [justOver.id]: 2 }), rateBetween);
    expect(exact).toEqual({ amount: 500_000, currency: 'CNY' });
    expect(withinPerOrderLimit(exact)).toBe(true);
    expect(over).toEqual({ amount: 500_002, currency: 'CNY' });
    expect(withinPerOrderLimit(over)).toBe(false);
  });

  it('converts a KGS and RUB cart unit by unit with the rate snapshot checkout charges with', () => {
    const honeyInCny = convertMoney(honey.price, 'CNY', rateBetween('KGS', 'CNY')).amount;
    const chocolateInCny = convertMoney(chocolate.price, 'CNY', rateBetween('RUB', 'CNY')).amount;
    expect([honeyInCny, chocolateInCny]).toEqual([9_744, 3_543]);

    const within = pricedLines([honey, chocolate], { [honey.id]: 40, [chocolate.id]: 31 });
    const value = goodsValueInCny(within, rateBetween);
    expect(value).toEqual({ amount: 40 * 9_744 + 31 * 3_543, currency: 'CNY' });
    expect(value).toEqual(chargeIn(within, 'CNY', rateBetween).total);
    expect(withinPerOrderLimit(value)).toBe(true);

    const over = goodsValueInCny(pricedLines([honey, chocolate], { [honey.id]: 40, [chocolate.id]: 32 }), rateBetween);
    expect(over.amount).toBe(40 * 9_744 + 32 * 3_543);
    expect(withinPerOrderLimit(over)).toBe(false);
  });

  it('never compares a figure in another currency with the limit', () => {
    expect(() => withinPerOrderLimit({ amount: 1, currency: 'KGS' })).toThrow(RangeError);
  });
});
