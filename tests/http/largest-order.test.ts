import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CurrencyCode } from '../../functions/domain/money.js';
import { MAX_ORDER_LINES } from '../../functions/domain/order.js';
import { SEED_PAVILIONS } from '../../infra/local/seed/pavilions.js';
import { aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

/**
 * The largest order there can be, 40 lines across every pavilion, through the transactions with the
 * most items (DynamoDB takes 100 per transaction, and DynamoDB Local enforces it): checkout, payment
 * in time, and a payment after the reservation was released.
 */
let shop: Shop;
beforeAll(async () => {
  shop = await startShop({ pavilions: [...SEED_PAVILIONS] });
});
afterAll(async () => shop?.close());

/** About CNY 10 in each pavilion's currency, so 40 lines stay far below China's CNY 5,000 per order. */
const TEN_YUAN: Record<string, number> = {
  KGS: 12_000, RUB: 10_000, KZT: 70_000, UZS: 1_800_000, TJS: 1_500, EGP: 7_000, BYN: 500,
  PKR: 40_000, INR: 12_000, MNT: 500_000, TRY: 5_000, USD: 150, AFN: 10_000,
};

async function fortyLinesAcrossEveryPavilion(): Promise<Record<string, number>> {
  const products = Array.from({ length: MAX_ORDER_LINES }, (_, index) => {
    const pavilion = SEED_PAVILIONS[index % SEED_PAVILIONS.length]!;
    return aProduct({ pavilion: pavilion.code, stock: 5, price: { amount: TEN_YUAN[pavilion.currency]!, currency: pavilion.currency as CurrencyCode } });
  });
  await shop.deps.catalogue.putProducts(products);
  return Object.fromEntries(products.map((product) => [product.id, 1]));
}

/** The two biggest transactions of the shop, 40 lines each: under a loaded CI machine they need more than the default minute. */
const HEAVY = 180_000;

it('pays an order of 40 lines from all 13 pavilions: every unit sold, every pavilion paid', async () => {
  const lines = await fortyLinesAcrossEveryPavilion();
  const { orderId } = await shop.paidOrder(lines);
  const stored = await shop.order(orderId);
  expect(stored.order.status).toBe('paid');
  expect(new Set(stored.lines.map((line) => line.pavilion)).size).toBe(SEED_PAVILIONS.length);
  for (const productId of Object.keys(lines)) expect(await shop.units(productId)).toEqual({ stock: 4, reserved: 0, sold: 1 });
}, HEAVY);

it('settles the same order paid after its reservation was released, re-selling all 40 lines', async () => {
  const lines = await fortyLinesAcrossEveryPavilion();
  const placed = await shop.checkout(await shop.newCart(lines));
  expect(placed.status).toBe(201);
  const orderId = placed.body.orderId as string;
  const sessionId = (placed.body.checkoutUrl as string).split('/pay/')[1]!;
  // The reservation lapses and is released; then the shopper's payment arrives anyway.
  const { order } = await shop.order(orderId);
  await shop.deps.orders.apply(order, { kind: 'release', status: 'expired' }, { now: new Date().toISOString(), note: 'test: lapsed' });
  for (const productId of Object.keys(lines)) expect(await shop.units(productId)).toEqual({ stock: 5, reserved: 0, sold: 0 });
  await shop.stripe.pay(sessionId);
  await eventually(async () => (await shop.order(orderId)).order.status, (status) => status === 'paid');
  for (const productId of Object.keys(lines)) expect(await shop.units(productId)).toEqual({ stock: 4, reserved: 0, sold: 1 });
}, HEAVY);
