import { describe, expect, it } from 'vitest';
import { emptyCart, setLineQuantity } from '../../functions/domain/cart.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { quoteCrossBorder } from '../../functions/domain/cross-border-quote.js';
import { rateBetween } from '../fixtures/rates.js';
import { DEFAULT_FREIGHT_RATES, type FreightRates } from '../../functions/domain/freight.js';
import { convertMoney } from '../../functions/domain/money.js';
import { priceCart } from '../../functions/domain/pricing.js';
import { aProduct } from '../fixtures/products.js';

const NOW = '2026-11-30T00:00:00.000Z';
const cny = (amount: number) => ({ amount, currency: 'CNY' as const });

// CNY 97.44 honey from a bonded warehouse; CNY 40.60 jam (500 KGS) by rail; both Kyrgyz.
const honey = aProduct({ sku: 'Q-HNY', price: { amount: 120_000, currency: 'KGS' }, weightGrams: 500, hsCode: '0409000000' });
const jam = aProduct({ sku: 'Q-JAM', price: { amount: 50_000, currency: 'KGS' }, weightGrams: 450, hsCode: '2007999000', fulfilment: { mode: 'direct_rail', leadTimeDays: 12 } });
const kgRates: FreightRates = { ...DEFAULT_FREIGHT_RATES, direct_rail: { firstKg: cny(2_800), extraKg: cny(1_200) } };

function quote(quantities: Record<string, number>, currency: 'CNY' | 'USD' = 'CNY', products: Product[] = [honey, jam]) {
  let cart = emptyCart('q'.repeat(22), NOW);
  for (const [id, quantity] of Object.entries(quantities)) cart = setLineQuantity(cart, id, quantity, NOW);
  const lines = priceCart(cart, new Map(products.map((product) => [product.id, product]))).lines;
  return quoteCrossBorder(lines, currency, (pavilion) => (pavilion === 'KG' ? kgRates : undefined), rateBetween);
}

describe('a cart delivered to China and cleared: goods, freight and tax', () => {
  it('sends each pavilion’s lines as one parcel per fulfilment mode and charges its rate by started kilogram', () => {
    const result = quote({ [honey.id]: 2, [jam.id]: 3 });
    expect(result.parcels).toEqual([
      { pavilion: 'KG', mode: 'bonded_warehouse', weightGrams: 1_000, freightCny: cny(0) },
      // 3 x 450 g = 1.35 kg: billed as 2 kg, CNY 28.00 + 12.00.
      { pavilion: 'KG', mode: 'direct_rail', weightGrams: 1_350, freightCny: cny(4_000) },
    ]);
  });

  it('taxes each line on its goods plus its freight share, at its HS code’s rate, rounded per line', () => {
    const result = quote({ [honey.id]: 2, [jam.id]: 3 });
    const [honeyLine, jamLine] = result.lines;
    expect(honeyLine).toMatchObject({ goodsCny: cny(19_488), freightCny: cny(0), dutiableCny: cny(19_488), taxCny: cny(1_228) }); // 12.27744
    // Jam: 3 x CNY 40.60 = 121.80, plus the whole rail parcel's CNY 40.00 = 161.80, at 9.1% = 14.7238.
    expect(jamLine).toMatchObject({ goodsCny: cny(12_180), freightCny: cny(4_000), dutiableCny: cny(16_180), taxCny: cny(1_472) });
    expect(result.cny).toEqual({ goods: cny(31_668), freight: cny(4_000), tax: cny(2_700), dutiableValue: cny(35_668) });
    expect(result.total).toEqual(cny(31_668 + 4_000 + 2_700));
    expect(result).toMatchObject({ goods: cny(31_668), freight: cny(4_000), tax: cny(2_700) });
  });

  it('shares a parcel’s freight among its lines by goods value, to the fen', () => {
    const jam2 = aProduct({ sku: 'Q-JAM2', price: { amount: 100_000, currency: 'KGS' }, weightGrams: 450, hsCode: '2007999000', fulfilment: jam.fulfilment });
    const result = quote({ [jam.id]: 1, [jam2.id]: 1 }, 'CNY', [jam, jam2]);
    // 900 g: one kilogram, CNY 28.00, split 40.60 : 81.20 = 1 : 2.
    expect(result.lines.map((line) => line.freightCny.amount)).toEqual([933, 1_867]);
    expect(result.cny.freight).toEqual(cny(2_800));
  });

  it('charges another currency as goods converted unit by unit plus freight and tax converted as two sums', () => {
    const inCny = quote({ [honey.id]: 2, [jam.id]: 3 });
    const inUsd = quote({ [honey.id]: 2, [jam.id]: 3 }, 'USD');
    const usd = rateBetween('CNY', 'USD');
    expect(inUsd.cny).toEqual(inCny.cny);
    expect(inUsd.freight).toEqual(convertMoney(cny(4_000), 'USD', usd));
    expect(inUsd.tax).toEqual(convertMoney(cny(2_700), 'USD', usd));
    const goods = inUsd.lines.reduce((sum, line) => sum + line.chargedUnitPrice.amount * line.quantity, 0);
    expect(inUsd.goods.amount).toBe(goods);
    expect(inUsd.total.amount).toBe(goods + inUsd.freight.amount + inUsd.tax.amount);
    expect(inUsd.rates.map((rate) => `${rate.from}->${rate.to}`)).toEqual(['KGS->USD', 'CNY->USD']);
  });

  it('uses the default rates for a pavilion that has set none', () => {
    const chocolate = aProduct({ pavilion: 'RU', sku: 'Q-CHOC', price: { amount: 39_900, currency: 'RUB' }, weightGrams: 1_200, fulfilment: { mode: 'direct_air', leadTimeDays: 7 } });
    const result = quote({ [chocolate.id]: 1 }, 'CNY', [chocolate]);
    const air = DEFAULT_FREIGHT_RATES.direct_air;
    expect(result.cny.freight).toEqual(cny(air.firstKg.amount + air.extraKg.amount));
  });

  it('holds absurd figures instead of throwing', () => {
    const gold = aProduct({ sku: 'Q-GOLD', price: { amount: 1_000_000_000_000, currency: 'KGS' }, stock: 1_000 });
    expect(() => quote({ [gold.id]: 999 }, 'USD', [gold])).not.toThrow();
  });
});
