import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { MAX_UNPAID_ORDERS_PER_SHOPPER } from '../../functions/domain/order.js';
import { sweepExpiredOrders } from '../../functions/usecases/sweep-expired-orders.js';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, eventually, newResidentId, startShop, type Shop } from '../support/shop.js';

let shop: Shop;

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

let shoppers = 0;
/** A new email, unique to the test, in mixed case (the limit must not care). */
function newEmail(): string {
  shoppers += 1;
  return `Hoarder.${shoppers}.${Date.now()}@Example.com`;
}

async function stocked(stock = 20) {
  const product = aProduct({ stock });
  await shop.deps.catalogue.putProducts([product]);
  return product;
}

/** One unit of the product in a new cart, checked out with these details. */
async function checkOut(productId: string, details: { email?: string; idNumber?: string }) {
  const cartId = await shop.newCart({ [productId]: 1 });
  return { cartId, answer: await shop.checkout(cartId, checkoutDetails(details)) };
}

async function cartPendingOrder(cartId: string) {
  const { Item } = await shop.table.doc.send(new GetCommand({ TableName: shop.table.tableName, Key: keys.cart(cartId), ConsistentRead: true }));
  return Item?.pendingOrderId as string | undefined;
}

/** The limit's answer: 429 problem+json, Retry-After in whole seconds until the first hold lapses, and nothing held for it. */
async function expectRefused(productId: string, details: { email?: string; idNumber?: string }, firstExpiresAt: string) {
  const before = await shop.units(productId);
  const { cartId, answer } = await checkOut(productId, details);
  expect(answer.status).toBe(429);
  expect(answer.type).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status: 429, reason: 'too_many_unpaid_orders', limit: MAX_UNPAID_ORDERS_PER_SHOPPER });
  const retryAfter = answer.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  const untilFirstLapses = (Date.parse(firstExpiresAt) - Date.now()) / 1000;
  expect(Number(retryAfter)).toBeGreaterThan(untilFirstLapses - 10);
  expect(Number(retryAfter)).toBeLessThanOrEqual(Math.ceil(untilFirstLapses) + 1);
  expect(await shop.units(productId)).toEqual(before);
  expect(await cartPendingOrder(cartId)).toBeUndefined();
}

describe('at most 3 unpaid orders per shopper', () => {
  it('refuses a 4th unpaid order for one email, whatever its case, with 429 and Retry-After, and reserves nothing', async () => {
    const honey = await stocked();
    const email = newEmail();
    const placed: any[] = [];
    for (const variant of [email, email.toLowerCase(), ` ${email.toUpperCase()}`.trim()]) {
      const { answer } = await checkOut(honey.id, { email: variant });
      expect(answer.status).toBe(201);
      placed.push(answer.body);
    }
    expect(await shop.units(honey.id)).toEqual({ stock: 17, reserved: 3, sold: 0 });
    await expectRefused(honey.id, { email: email.toLowerCase() }, placed[0].expiresAt);
    // Another shopper is not held back.
    expect((await checkOut(honey.id, {})).answer.status).toBe(201);
  });

  it('refuses a 4th unpaid order for one ID number under different emails', async () => {
    const honey = await stocked();
    const idNumber = newResidentId();
    const first = await checkOut(honey.id, { idNumber, email: newEmail() });
    expect(first.answer.status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await checkOut(honey.id, { idNumber, email: newEmail() })).answer.status).toBe(201);
    await expectRefused(honey.id, { idNumber, email: newEmail() }, first.answer.body.expiresAt);
  });

  it('frees a slot when one of the orders is paid', async () => {
    const honey = await stocked();
    const email = newEmail();
    const placed: any[] = [];
    for (let i = 0; i < 3; i++) placed.push((await checkOut(honey.id, { email })).answer.body);
    await expectRefused(honey.id, { email }, placed[0].expiresAt);

    await shop.stripe.pay((placed[1].checkoutUrl as string).split('/pay/')[1]!);
    await eventually(async () => (await shop.order(placed[1].orderId)).order.status, (status) => status === 'paid');
    expect((await checkOut(honey.id, { email })).answer.status).toBe(201);
    await expectRefused(honey.id, { email }, placed[0].expiresAt);
  });

  it('frees a slot when a checkout of the same cart releases the earlier order', async () => {
    const honey = await stocked();
    const email = newEmail();
    const carts = [];
    for (let i = 0; i < 3; i++) {
      const { cartId, answer } = await checkOut(honey.id, { email });
      expect(answer.status).toBe(201);
      carts.push(cartId);
    }
    // Checking a cart out again releases its own earlier order first: the shopper is not blocked by it.
    const again = await shop.checkout(carts[0]!, checkoutDetails({ email }));
    expect(again.status).toBe(201);
  });

  it('does not let a lapsed hold block, even before the sweep released its order', async () => {
    const honey = await stocked();
    const email = newEmail();
    for (let i = 0; i < 3; i++) expect((await checkOut(honey.id, { email })).answer.status).toBe(201);
    shop.clock.offsetMs = 31 * 60_000;
    try {
      expect((await checkOut(honey.id, { email })).answer.status).toBe(201);
    } finally {
      shop.clock.offsetMs = 0;
    }
  });

  it('frees the slots of orders the sweep releases as expired', async () => {
    const honey = await stocked();
    const email = newEmail();
    const placed: any[] = [];
    for (let i = 0; i < 3; i++) placed.push((await checkOut(honey.id, { email })).answer.body);
    await expectRefused(honey.id, { email }, placed[0].expiresAt);

    // The sweep runs as if 31 minutes had passed; checkout still runs now, when no hold has lapsed yet.
    await sweepExpiredOrders(shop.deps, new Date(Date.now() + 31 * 60_000));
    for (const order of placed) expect((await shop.order(order.orderId)).order.status).toBe('expired');
    const again: Awaited<ReturnType<Shop['checkout']>>[] = [];
    for (let i = 0; i < 3; i++) again.push((await checkOut(honey.id, { email })).answer);
    expect(again.map((answer) => answer.status)).toEqual([201, 201, 201]);
    await expectRefused(honey.id, { email }, again[0]!.body.expiresAt);
  });

  it('lets exactly 3 of 10 concurrent checkouts by one email through', async () => {
    const honey = await stocked();
    const email = newEmail();
    const carts = await Promise.all(Array.from({ length: 10 }, () => shop.newCart({ [honey.id]: 1 })));
    const answers = await Promise.all(carts.map((cartId) => shop.checkout(cartId, checkoutDetails({ email }))));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    expect(await shop.units(honey.id)).toEqual({ stock: 17, reserved: 3, sold: 0 });
  });
});
