import { describe, expect, it } from 'vitest';
import { emptyCart, setLineQuantity } from '../../functions/domain/cart.js';
import { rateBetween } from '../fixtures/rates.js';
import { convertMoney, MAX_AMOUNT } from '../../functions/domain/money.js';
import { fitsOnePayment, paymentMethodsFor } from '../../functions/domain/payment-methods.js';
import { chargeIn, priceCart } from '../../functions/domain/pricing.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { aProduct } from '../fixtures/products.js';

const honey = aProduct({ sku: 'P-HNY', stock: 4, price: { amount: 120_000, currency: 'KGS' } });
const chocolate = aProduct({ pavilion: 'RU', sku: 'P-CHOC', stock: 9, price: { amount: 39_900, currency: 'RUB' } });
const retired = aProduct({ sku: 'P-OLD', status: 'archived', price: { amount: 1_000, currency: 'KGS' } });
const catalogue = new Map([honey, chocolate, retired].map((product) => [product.id, product] as const));

function cartOf(lines: Record<string, number>) {
  let cart = emptyCart('c'.repeat(22), '2026-01-01T00:00:00.000Z');
  for (const [id, quantity] of Object.entries(lines)) cart = setLineQuantity(cart, id, quantity, '2026-01-01T00:00:00.000Z');
  return cart;
}

describe('priceCart', () => {
  it('prices every line from the catalogue and keeps one subtotal per currency', () => {
    const priced = priceCart(cartOf({ [honey.id]: 2, [chocolate.id]: 3 }), catalogue);
    expect(priced.lines.map((line) => [line.productId, line.lineTotal])).toEqual([
      [honey.id, { amount: 240_000, currency: 'KGS' }],
      [chocolate.id, { amount: 119_700, currency: 'RUB' }],
    ]);
    expect(priced.subtotals).toEqual([{ amount: 240_000, currency: 'KGS' }, { amount: 119_700, currency: 'RUB' }]);
  });

  it('marks a line short when it asks for more than the stock, and unavailable when archived (out of the subtotals)', () => {
    const priced = priceCart(cartOf({ [honey.id]: 5, [retired.id]: 1 }), catalogue);
    expect(priced.lines.map((line) => [line.status, line.available])).toEqual([['short', 4], ['unavailable', 0]]);
    expect(priced.subtotals).toEqual([{ amount: 600_000, currency: 'KGS' }]);
  });

  it('does not sell a listing without the HS code customs needs (one stored before HS codes were required)', () => {
    const legacy = { ...aProduct({ sku: 'P-LEGACY', stock: 5 }), hsCode: undefined } as unknown as Product;
    const priced = priceCart(cartOf({ [legacy.id]: 1 }), new Map([[legacy.id, legacy]]));
    expect(priced.lines.map((line) => line.status)).toEqual(['unavailable']);
    expect(priced.subtotals).toEqual([]);
  });

  it('leaves out a product that no longer exists at all', () => {
    const priced = priceCart(cartOf({ 'kg-vanished': 1, [honey.id]: 1 }), catalogue);
    expect(priced.lines.map((line) => line.productId)).toEqual([honey.id]);
  });
});

describe('chargeIn', () => {
  it('converts unit by unit, so the total is exactly the sum of unit price x quantity Stripe computes', () => {
    const priced = priceCart(cartOf({ [honey.id]: 3, [chocolate.id]: 7 }), catalogue);
    const charge = chargeIn(priced.lines, 'CNY', rateBetween);
    const stripeSum = charge.lines.reduce((sum, line) => sum + line.chargedUnitPrice.amount * line.quantity, 0);
    expect(charge.total).toEqual({ amount: stripeSum, currency: 'CNY' });
    expect(charge.rates.map((rate) => `${rate.from}->${rate.to}`)).toEqual(['KGS->CNY', 'RUB->CNY']);
  });

  it('needs no rate for lines already in the checkout currency', () => {
    const priced = priceCart(cartOf({ [honey.id]: 2 }), catalogue);
    const charge = chargeIn(priced.lines, 'KGS', rateBetween);
    expect(charge.total).toEqual({ amount: 240_000, currency: 'KGS' });
    expect(charge.rates).toEqual([]);
  });
});

describe('pricing far beyond one payment', () => {
  // A legacy listing at 10,000,000,000.00 KGS: 70 of them in UZS pass Number.MAX_SAFE_INTEGER.
  const gold = aProduct({ sku: 'P-GOLD', stock: 500, price: { amount: 1_000_000_000_000, currency: 'KGS' } });
  const vault = new Map([[gold.id, gold]]);

  it('never throws: every figure is computed exactly and held at MAX_AMOUNT', () => {
    const priced = priceCart(cartOf({ [gold.id]: 70 }), vault);
    expect(priced.lines[0]!.lineTotal).toEqual({ amount: MAX_AMOUNT, currency: 'KGS' });
    expect(priced.subtotals).toEqual([{ amount: MAX_AMOUNT, currency: 'KGS' }]);
    const charge = chargeIn(priced.lines, 'UZS', rateBetween);
    expect(charge.total).toEqual({ amount: MAX_AMOUNT, currency: 'UZS' });
    expect(charge.lines[0]!.chargedUnitPrice).toEqual({ amount: MAX_AMOUNT, currency: 'UZS' });
    expect(fitsOnePayment(charge.total)).toBe(false);
  });

  it('keeps exact figures below the ceiling, and a total fits one payment up to 99,999,999 minor units', () => {
    const priced = priceCart(cartOf({ [honey.id]: 3 }), catalogue);
    expect(chargeIn(priced.lines, 'UZS', rateBetween).total.amount).toBe(3 * convertMoney(honey.price, 'UZS', rateBetween('KGS', 'UZS')).amount);
    expect(fitsOnePayment({ amount: 99_999_999, currency: 'CNY' })).toBe(true);
    expect(fitsOnePayment({ amount: 100_000_000, currency: 'CNY' })).toBe(false);
  });
});

describe('rateBetween', () => {
  it('is an exact fraction of minor units from the yuan table', () => {
    expect(rateBetween('KGS', 'CNY')).toMatchObject({ numerator: 203, denominator: 2500 });
    expect(convertMoney({ amount: 120_000, currency: 'KGS' }, 'CNY', rateBetween('KGS', 'CNY'))).toEqual({ amount: 9_744, currency: 'CNY' });
    expect(rateBetween('CNY', 'CNY')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('converts across two foreign currencies through the yuan without drift', () => {
    const there = convertMoney({ amount: 10_000_00, currency: 'RUB' }, 'KZT', rateBetween('RUB', 'KZT'));
    const back = convertMoney(there, 'RUB', rateBetween('KZT', 'RUB'));
    expect(Math.abs(back.amount - 10_000_00)).toBeLessThanOrEqual(1);
  });
});

describe('paymentMethodsFor', () => {
  it('offers card, Alipay and WeChat Pay in yuan', () => {
    expect(paymentMethodsFor({ amount: 9_744, currency: 'CNY' })).toEqual(['card', 'alipay', 'wechat_pay']);
  });

  it('offers only card where the wallets do not take the currency', () => {
    expect(paymentMethodsFor({ amount: 9_744, currency: 'RUB' })).toEqual(['card']);
    expect(paymentMethodsFor({ amount: 9_744, currency: 'KZT' })).toEqual(['card']);
  });

  it('drops the wallets above their 8-digit cap', () => {
    expect(paymentMethodsFor({ amount: 99_999_999, currency: 'CNY' })).toEqual(['card', 'alipay', 'wechat_pay']);
    expect(paymentMethodsFor({ amount: 100_000_000, currency: 'CNY' })).toEqual(['card']);
  });
});
