import { afterAll, beforeAll, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, startShop, type Shop } from '../support/shop.js';

/**
 * Load (issue 14, "Proof"): 500 shoppers check out the last 10 units at the same moment, each over
 * its own HTTP connection to the served API (DynamoDB Local, the local Stripe behind it). Exactly 10
 * orders are made, every other shopper gets a clean problem+json refusal, and nobody gets a 5xx.
 * The sibling tests/integration/checkout-concurrency.test.ts checks the refusals' details at 200.
 */
const SHOPPERS = 500;
const STOCK = 10;

let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

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
  expect(answers.filter((answer) => answer.status >= 500).map((answer) => answer.status)).toEqual([]);
  expect(made).toHaveLength(STOCK);
  expect(new Set(made.map((answer) => answer.body.orderId)).size).toBe(STOCK);
  for (const answer of refused) {
    expect(answer.status).toBe(409);
    expect(answer.type).toMatch(/^application\/problem\+json/);
  }
  expect(await shop.units(product.id)).toEqual({ stock: 0, reserved: STOCK, sold: 0 });
  for (const answer of made) expect((await shop.order(answer.body.orderId!)).order.status).toBe('pending_payment');
}, 180_000);
