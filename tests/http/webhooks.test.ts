import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { customsYear } from '../../functions/domain/cross-border.js';
import { checkoutDetails, eventually, newResidentId, startShop, type Shop } from '../support/shop.js';

let shop: Shop;
const signer = new Stripe('sk_test_signer', { telemetry: false });
let eventCounter = 0;

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

/** A product with stock 10 in a cart checked out: the order, its Stripe session and the product. */
async function pendingOrder(quantity = 2, stock = 10, idNumber = newResidentId()) {
  const product = aProduct({ stock });
  await shop.deps.catalogue.putProducts([product]);
  const cartId = await shop.newCart({ [product.id]: quantity });
  const placed = await shop.checkout(cartId, checkoutDetails({ idNumber }));
  expect(placed.status).toBe(201);
  const sessionId = placed.body.checkoutUrl.split('/pay/')[1] as string;
  const session = shop.stripe.sessions().find((entry) => entry.session.id === sessionId)!.session;
  return { product, cartId, orderId: placed.body.orderId as string, session, checkoutUrl: placed.body.checkoutUrl as string, stock };
}

/** A Stripe event about the session, as Stripe would send it, signed with the shop's secret (or another). */
function stripeEvent(type: string, session: object, changes: Record<string, unknown> = {}) {
  eventCounter += 1;
  return JSON.stringify({
    id: `evt_test_${Date.now()}_${eventCounter}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { ...session, ...changes } },
  });
}

function deliver(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? shop.webhookSecret, timestamp: options.timestamp });
  return shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature });
}

const paid = { status: 'complete', payment_status: 'paid' };
const expired = { status: 'expired' };

async function status(orderId: string) {
  return (await shop.order(orderId)).order.status;
}

function total(units: { stock: number; reserved: number; sold: number }) {
  return units.stock + units.reserved + units.sold;
}

describe('POST /api/webhooks/stripe', () => {
  it('marks the order paid when the shopper pays on the hosted page: reserved units become sold, lines join the pavilion queue, the cart empties', async () => {
    const { product, cartId, orderId, checkoutUrl } = await pendingOrder(2);
    const form = await fetch(checkoutUrl);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('data-testid="pay"');
    const paying = await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'alipay' }), redirect: 'manual' });
    expect(paying.status).toBe(303);
    expect(paying.headers.get('location')).toMatch(/\/zh\/order\/\?id=ORD-/);

    await eventually(() => status(orderId), (value) => value === 'paid');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    const { order, lines } = await shop.order(orderId);
    expect(order.paidAt).toBeDefined();
    expect(lines[0]).toMatchObject({ fulfilment: 'to_ship', paidAt: order.paidAt });
    const queue = await shop.table.doc.send(
      new QueryCommand({
        TableName: shop.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :queue',
        ExpressionAttributeValues: { ':queue': 'PAVILION#KG#ORDERS' },
        ScanIndexForward: false,
      }),
    );
    expect(queue.Items?.map((item) => item.GSI1SK)).toContain(`${order.paidAt}#${orderId}#001`);
    expect((await shop.call('GET', `/api/carts/${cartId}`)).status).toBe(404);
  });

  it('lets the same event take effect once when it is delivered 5 times at once', async () => {
    const { product, orderId, session } = await pendingOrder(3);
    const payload = stripeEvent('checkout.session.completed', session, paid);
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((answer) => answer.body.result === 'applied')).toHaveLength(1);
    expect(await status(orderId)).toBe('paid');
    expect(await shop.units(product.id)).toEqual({ stock: 7, reserved: 0, sold: 3 });
  });

  it('ends paid with units conserved when expired and completed arrive in reverse order', async () => {
    const { product, orderId, session } = await pendingOrder(2);
    const expiredEvent = stripeEvent('checkout.session.expired', session, expired);
    const completedEvent = stripeEvent('checkout.session.completed', session, paid);
    expect((await deliver(expiredEvent)).body.result).toBe('applied');
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect((await deliver(completedEvent)).body).toMatchObject({ result: 'applied', status: 'paid' });
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    // Replays of both change nothing.
    await Promise.all([deliver(expiredEvent), deliver(completedEvent), deliver(expiredEvent)]);
    expect(await status(orderId)).toBe('paid');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
  });

  it('changes nothing when expiry arrives after payment', async () => {
    const { product, orderId, session } = await pendingOrder(2);
    await deliver(stripeEvent('checkout.session.completed', session, paid));
    const late = await deliver(stripeEvent('checkout.session.expired', session, expired));
    expect(late.body.result).toBe('no_change');
    expect(await status(orderId)).toBe('paid');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
  });

  it('leaves the cart alone on a late payment when the shopper has checked the same cart out again since', async () => {
    const { product, cartId, orderId, session } = await pendingOrder(1, 10);
    await deliver(stripeEvent('checkout.session.expired', session, expired));
    const again = await shop.checkout(cartId);
    expect(again.status).toBe(201);
    expect((await deliver(stripeEvent('checkout.session.completed', session, paid))).body).toMatchObject({ status: 'paid' });
    expect(await status(orderId)).toBe('paid');
    // The newer checkout still has its cart, pointing at it, and its own reservation.
    const cart = await shop.call('GET', `/api/carts/${cartId}`);
    expect(cart.status).toBe(200);
    expect(await status(again.body.orderId)).toBe('pending_payment');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 1, sold: 1 });
  });

  it('counts a late payment toward the buyer’s year again after the expiry gave the amount back', async () => {
    const idNumber = newResidentId();
    const { orderId, session } = await pendingOrder(2, 10, idNumber);
    const counted = async () => (await shop.deps.orders.countedInYear(await shop.deps.identity.buyerKey(idNumber), customsYear(new Date().toISOString()))).amount;
    expect(await counted()).toBe(2 * 9_744);
    await deliver(stripeEvent('checkout.session.expired', session, expired));
    expect(await counted()).toBe(0);
    expect((await deliver(stripeEvent('checkout.session.completed', session, paid))).body).toMatchObject({ status: 'paid' });
    expect(await status(orderId)).toBe('paid');
    expect(await counted()).toBe(2 * 9_744);
  });

  it('flags a late payment when the buyer’s yearly allowance was used up meanwhile', async () => {
    const idNumber = newResidentId();
    const { product, orderId, session } = await pendingOrder(1, 500, idNumber);
    await deliver(stripeEvent('checkout.session.expired', session, expired));
    // Meanwhile the same buyer fills the year: 5 orders of 51 jars (5 x CNY 4,969.44) and one of 11 (1,071.84): 80.96 left.
    // Paid, as one buyer may hold only 3 unpaid orders at once (domain/order.ts).
    for (const quantity of [51, 51, 51, 51, 51, 11]) await shop.paidOrder({ [product.id]: quantity }, checkoutDetails({ idNumber }));
    const answer = await deliver(stripeEvent('checkout.session.completed', session, paid));
    expect(answer.body).toMatchObject({ result: 'applied', status: 'paid_needs_attention' });
    const { order } = await shop.order(orderId);
    expect(order.note).toMatch(/yearly cross-border allowance/);
    expect(order.attention).toBe('allowance_gone');
  });

  it('flags a payment that arrives after the units were released and sold to someone else, still counting it toward the buyer’s year', async () => {
    const idNumber = newResidentId();
    const { product, orderId, session } = await pendingOrder(2, 2, idNumber);
    await deliver(stripeEvent('checkout.session.expired', session, expired));
    const rival = await shop.newCart({ [product.id]: 2 });
    expect((await shop.checkout(rival)).status).toBe(201);
    const answer = await deliver(stripeEvent('checkout.session.completed', session, paid));
    expect(answer.body).toMatchObject({ result: 'applied', status: 'paid_needs_attention' });
    const { order, lines } = await shop.order(orderId);
    expect(order.note).toMatch(/restock and ship, or refund/);
    expect(order.attention).toBe('stock_gone');
    // An operator may restock and ship it: then it is declared, so it counts.
    const counted = await shop.deps.orders.countedInYear(await shop.deps.identity.buyerKey(idNumber), customsYear(new Date().toISOString()));
    expect(counted.amount).toBe(2 * 9_744);
    expect(lines[0]!.fulfilment).toBe('awaiting_payment');
    expect(await shop.units(product.id)).toEqual({ stock: 0, reserved: 2, sold: 0 });
  });

  it('keeps every unit accounted for under a storm of duplicated and reordered events', async () => {
    const orders = await Promise.all([pendingOrder(1), pendingOrder(2), pendingOrder(3)]);
    const deliveries = orders.flatMap(({ session }) => {
      const completed = stripeEvent('checkout.session.completed', session, paid);
      const expiredEvent = stripeEvent('checkout.session.expired', session, expired);
      return [completed, expiredEvent, completed, expiredEvent, completed];
    });
    await Promise.all(deliveries.map((payload) => deliver(payload)));
    for (const { product, orderId, stock } of orders) {
      const units = await shop.units(product.id);
      expect(total(units)).toBe(stock);
      expect(units.reserved).toBe(0);
      expect(await status(orderId)).toBe('paid');
    }
  });

  it('waits on an async payment, then sells on async_payment_succeeded', async () => {
    const { product, orderId, session } = await pendingOrder(1);
    expect((await deliver(stripeEvent('checkout.session.completed', session, { status: 'complete', payment_status: 'unpaid' }))).body.result).toBe('no_change');
    expect(await status(orderId)).toBe('pending_payment');
    await deliver(stripeEvent('checkout.session.async_payment_succeeded', session, paid));
    expect(await status(orderId)).toBe('paid');
    expect(await shop.units(product.id)).toEqual({ stock: 9, reserved: 0, sold: 1 });
  });

  it('releases the units when an async payment fails', async () => {
    const { product, orderId, session } = await pendingOrder(1);
    await deliver(stripeEvent('checkout.session.async_payment_failed', session, { status: 'complete', payment_status: 'unpaid' }));
    expect(await status(orderId)).toBe('payment_failed');
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('releases the units when Stripe expires the session itself', async () => {
    const { product, orderId, session } = await pendingOrder(2);
    await fetch(`${shop.stripe.url}/v1/checkout/sessions/${session.id}/expire`, { method: 'POST', headers: { authorization: 'Bearer sk_test_local' } });
    await eventually(() => status(orderId), (value) => value === 'expired');
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it.each([
    ['a forged signature', { secret: 'whsec_forged' }],
    ['a signature older than 300 s', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
  ])('refuses %s with 400 and changes nothing', async (_name, options) => {
    const { product, orderId, session } = await pendingOrder(2);
    const answer = await deliver(stripeEvent('checkout.session.completed', session, paid), options);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(await status(orderId)).toBe('pending_payment');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 2, sold: 0 });
  });

  it('refuses a missing signature, a wrong content type and an oversized body', async () => {
    const { session } = await pendingOrder(1);
    const payload = stripeEvent('checkout.session.completed', session, paid);
    expect((await shop.call('POST', '/api/webhooks/stripe', payload)).status).toBe(400);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: shop.webhookSecret });
    expect((await shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'text/plain', 'stripe-signature': signature })).status).toBe(415);
    const huge = JSON.stringify({ pad: 'x'.repeat(300 * 1024) });
    expect((await deliver(huge)).status).toBe(413);
  });

  it.each([
    ['an amount', { amount_total: 1 }],
    ['a currency', { currency: 'usd' }],
  ])('refuses an event whose %s does not match the order, and changes nothing', async (_name, changes) => {
    const { product, orderId, session } = await pendingOrder(2);
    const answer = await deliver(stripeEvent('checkout.session.completed', session, { ...paid, ...changes }));
    expect(answer.status).toBe(422);
    expect(await status(orderId)).toBe('pending_payment');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 2, sold: 0 });
  });

  it('acknowledges events it does not act on', async () => {
    const answer = await deliver(JSON.stringify({ id: 'evt_other', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } }));
    expect(answer.status).toBe(200);
    expect(answer.body.result).toBe('ignored');
  });
});
