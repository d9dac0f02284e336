import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, startShop, type Shop } from '../support/shop.js';

let shop: Shop;

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

describe('checkout under concurrency', () => {
  it('never sells more than the stock when 200 shoppers check out one product at once', async () => {
    const product = aProduct({ sku: 'LAST-TEN', stock: 10 });
    await shop.deps.catalogue.putProducts([product]);
    // Each shopper put one unit in a cart while there was stock.
    const carts: string[] = [];
    for (let batch = 0; batch < 200; batch += 20) {
      carts.push(...(await Promise.all(Array.from({ length: 20 }, () => shop.newCart({ [product.id]: 1 })))));
    }

    const answers = await Promise.all(carts.map((cartId, index) => shop.checkout(cartId, { email: `shopper${index}@example.com` })));
    const statuses = answers.map((answer) => answer.status);
    // The whole tally at once, so a failure shows every answer given, not only the count that was off.
    const tally = Object.fromEntries([...new Set(statuses)].map((status) => [status, statuses.filter((other) => other === status).length]));
    expect(tally).toEqual({ 201: 10, 409: 190 });
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.lines).toEqual([{ productId: product.id, requested: 1, available: 0, reason: 'short' }]);
    }
    expect(await shop.units(product.id)).toEqual({ stock: 0, reserved: 10, sold: 0 });
    const orderIds = answers.filter((answer) => answer.status === 201).map((answer) => answer.body.orderId);
    expect(new Set(orderIds).size).toBe(10);
    const sessionsForProduct = shop.stripe.sessions().filter((entry) => orderIds.includes(entry.session.metadata.orderId));
    expect(sessionsForProduct).toHaveLength(10);
    // 200 checkouts racing on DynamoDB Local: ~11 s alone, several times that beside the browser tests on two cores.
  }, 180_000);

  it('never lets two shoppers split the last units of a multi-line order', async () => {
    const a = aProduct({ stock: 3 });
    const b = aProduct({ stock: 3 });
    await shop.deps.catalogue.putProducts([a, b]);
    const carts = await Promise.all(Array.from({ length: 10 }, () => shop.newCart({ [a.id]: 2, [b.id]: 1 })));
    const answers = await Promise.all(carts.map((cartId) => shop.checkout(cartId)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(await shop.units(a.id)).toEqual({ stock: 1, reserved: 2, sold: 0 });
    expect(await shop.units(b.id)).toEqual({ stock: 2, reserved: 1, sold: 0 });
  });
});

/**
 * Load (issue 14, "Proof"): 500 shoppers check out the last 10 units at the same moment, each over
 * its own HTTP connection to the served API (DynamoDB Local, the local Stripe behind it). Exactly 10
 * orders are made, every other shopper gets a clean problem+json refusal, and nobody gets a 5xx.
 * In this file, after the 200-shopper race, so the two never run at once on the shared DynamoDB Local.
 */
const SHOPPERS = 500;
const STOCK = 10;

it(`makes exactly ${STOCK} orders and no server error when ${SHOPPERS} shoppers check out ${STOCK} units at once`, async () => {
  const product = aProduct({ sku: 'LOAD-TEN', stock: STOCK });
  await shop.deps.catalogue.putProducts([product]);
  // Each shopper put one unit in a cart while there was stock; each is a distinct email and buyer
  // (one shopper may hold only 3 unpaid orders: domain/order.ts MAX_UNPAID_ORDERS_PER_SHOPPER).
  const carts: string[] = [];
  for (let batch = 0; batch < SHOPPERS; batch += 25) {
    carts.push(...(await Promise.all(Array.from({ length: Math.min(25, SHOPPERS - batch) }, () => shop.newCart({ [product.id]: 1 })))));
  }
  const api = new URL('/api/checkout', shop.webhookUrl);

  const answers = await Promise.all(
    carts.map(async (cartId) => {
      const response = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...checkoutDetails(), cartId }) });
      const body = (await response.json()) as { orderId?: string; reason?: string; lines?: unknown };
      return { status: response.status, type: response.headers.get('content-type') ?? '', body };
    }),
  );

  const made = answers.filter((answer) => answer.status === 201);
  const refused = answers.filter((answer) => answer.status !== 201);
  // Any 5xx is shown with what the API logged about it, so a failure says why.
  const serverErrors = answers.filter((answer) => answer.status >= 500).map((answer) => answer.status);
  // Errors, and the store failures answered 503 (functions/http/problem.ts logs them as warnings).
  const logged = shop.telemetry.logs.filter((log) => log.level === 'error' || log.message === 'store busy');
  expect({ serverErrors, logged: logged.slice(0, 3) }).toEqual({ serverErrors: [], logged: [] });
  expect(made).toHaveLength(STOCK);
  expect(new Set(made.map((answer) => answer.body.orderId)).size).toBe(STOCK);
  for (const answer of refused) {
    expect(answer.status).toBe(409);
    expect(answer.type).toMatch(/^application\/problem\+json/);
  }
  expect(await shop.units(product.id)).toEqual({ stock: 0, reserved: STOCK, sold: 0 });
  for (const answer of made) expect((await shop.order(answer.body.orderId!)).order.status).toBe('pending_payment');
}, 180_000);
