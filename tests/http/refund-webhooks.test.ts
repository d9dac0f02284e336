import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

/**
 * Refunds are settled by Stripe's events only, each event once: replayed (×3) and reordered events
 * about one refund end in one state, units conserved and the buyer's allowance exact.
 */
let shop: Shop;
const signer = new Stripe('sk_test_signer', { telemetry: false });
let eventCounter = 0;

beforeAll(async () => {
  shop = await startShop({ staff: true });
});
afterEach(() => shop.stripe.holdRefunds(false));
afterAll(async () => shop?.close());

/** A paid order of 2 units out of 10, cancelled by its shopper; Stripe holds the refund pending, so only the test's events settle it. */
async function cancelledOrder() {
  shop.stripe.holdRefunds(true);
  const honey = aProduct({ stock: 10, fulfilment: { mode: 'direct_rail', leadTimeDays: 14 } });
  await shop.deps.catalogue.putProducts([honey]);
  const { orderId, token } = await shop.paidOrder({ [honey.id]: 2 });
  const counted = await shop.counted(orderId);
  const cancelled = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, { 'x-order-token': token });
  expect(cancelled.status).toBe(200);
  const stripeRefund = shop.stripe.refunds().find((refund) => refund.metadata.orderId === orderId)!;
  expect(stripeRefund.status).toBe('pending');
  return { orderId, honey, counted, stripeRefund, total: (await shop.order(orderId)).order.total };
}

type StripeRefund = ReturnType<Shop['stripe']['refunds']>[number];

function event(type: string, object: object) {
  eventCounter += 1;
  return JSON.stringify({ id: `evt_refund_${Date.now()}_${eventCounter}`, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object } });
}

/** refund.updated as Stripe sends it when the refund reaches `status`. */
const refundUpdated = (refund: StripeRefund, status: string, changes: Record<string, unknown> = {}) =>
  event('refund.updated', { ...refund, status, ...(status === 'failed' ? { failure_reason: 'lost_or_stolen_card' } : {}), ...changes });

/** charge.refunded with the refund listed (as API versions that include a charge's refunds send it). */
const chargeRefunded = (refund: StripeRefund) =>
  event('charge.refunded', {
    id: refund.charge, object: 'charge', amount: refund.amount, amount_refunded: refund.amount, currency: refund.currency, refunded: true, payment_intent: refund.payment_intent,
    refunds: { object: 'list', data: [{ ...refund, status: 'succeeded' }], has_more: false },
  });

function deliver(payload: string) {
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: shop.webhookSecret });
  return shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature });
}

const shuffled = <T>(items: readonly T[]) => [...items].map((item) => ({ item, key: Math.random() })).sort((a, b) => a.key - b.key).map(({ item }) => item);
const thrice = <T>(items: readonly T[]) => items.flatMap((item) => [item, item, item]);
const sum = (units: { stock: number; reserved: number; sold: number }) => units.stock + units.reserved + units.sold;

describe('refund events from Stripe', () => {
  it.each([1, 2, 3])('take effect once when each is delivered 3 times, all at once in any order (round %i)', async () => {
    const { orderId, honey, stripeRefund, total } = await cancelledOrder();
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    const answers = await Promise.all(shuffled(thrice([refundUpdated(stripeRefund, 'succeeded'), chargeRefunded(stripeRefund)])).map(deliver));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((answer) => answer.body.result === 'applied')).toHaveLength(1);
    expect(answers.find((answer) => answer.body.result === 'applied')!.body).toMatchObject({ status: 'cancelled', refundStatus: 'succeeded' });

    const { order, refunds, lines } = await shop.order(orderId);
    expect(refunds).toMatchObject([{ status: 'succeeded', providerRefundId: stripeRefund.id }]);
    expect(order).toMatchObject({ status: 'cancelled', refunded: total, refundsCommitted: total });
    expect(lines[0]!.refund).toMatchObject({ status: 'succeeded' });
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect(await shop.counted(orderId)).toBe(0);
  });

  it.each([1, 2, 3])('end failed, having counted nothing, when a success and a failure of one refund arrive 3 times each in any order (round %i)', async () => {
    const { orderId, honey, counted, stripeRefund } = await cancelledOrder();
    const deliveries = shuffled(thrice([refundUpdated(stripeRefund, 'succeeded'), refundUpdated(stripeRefund, 'failed'), chargeRefunded(stripeRefund)]));
    // One after the other, so every ordering of success and failure is really tried.
    for (const payload of deliveries) expect((await deliver(payload)).status).toBe(200);

    const { order, refunds } = await shop.order(orderId);
    expect(refunds).toMatchObject([{ status: 'failed', failureReason: 'lost_or_stolen_card' }]);
    expect(order).toMatchObject({ status: 'cancelled', refunded: { amount: 0 }, refundsCommitted: { amount: 0 } });
    const units = await shop.units(honey.id);
    expect(units).toEqual({ stock: 8, reserved: 0, sold: 2 });
    expect(sum(units)).toBe(10);
    expect(await shop.counted(orderId)).toBe(counted);
    const failed = await shop.deps.refunds.listFailed(100);
    expect(failed.items.map((refund) => refund.refundId)).toContain(refunds[0]!.refundId);
  });

  it('changes nothing for a refund still pending, and refuses one whose amount does not match', async () => {
    const { orderId, honey, stripeRefund } = await cancelledOrder();
    expect((await deliver(refundUpdated(stripeRefund, 'pending'))).body.result).toBe('no_change');
    const wrong = await deliver(refundUpdated(stripeRefund, 'succeeded', { amount: stripeRefund.amount - 1 }));
    expect(wrong.status).toBe(422);
    expect(wrong.type).toContain('application/problem+json');
    expect((await shop.order(orderId)).refunds[0]!.status).toBe('requested');
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
  });

  it('logs and ignores a refund this store never asked for (made in the dashboard)', async () => {
    const { stripeRefund } = await cancelledOrder();
    const foreign = await deliver(refundUpdated({ ...stripeRefund, metadata: {} }, 'succeeded'));
    expect(foreign.body).toEqual({ received: true, result: 'ignored' });
    expect(shop.telemetry.logs.some((entry) => entry.message === 'refund event for a refund we did not ask for')).toBe(true);
  });

  it('settles from the local Stripe’s own signed events, and Stripe’s retries of them change nothing', async () => {
    const { orderId, honey, stripeRefund, total } = await cancelledOrder();
    const sent = await shop.stripe.settleRefund(stripeRefund.id);
    expect(sent.map((record) => record.event.type)).toEqual(['charge.refunded', 'refund.updated']);
    await eventually(() => shop.order(orderId), (stored) => stored.refunds[0]?.status === 'succeeded');
    for (const record of thrice(sent)) expect(await shop.stripe.resend(record.event.id)).toBe(200);
    expect((await shop.order(orderId)).order.refunded).toEqual(total);
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('ends refunded, not partly, when both lines’ refunds are confirmed at the same moment', async () => {
    shop.stripe.holdRefunds(true);
    const honey = aProduct({ stock: 10 });
    const chocolate = aProduct({ pavilion: 'RU', stock: 10, price: { amount: 39_900, currency: 'RUB' } });
    await shop.deps.catalogue.putProducts([honey, chocolate]);
    const { orderId } = await shop.paidOrder({ [honey.id]: 1, [chocolate.id]: 1 });
    for (const [lineNo, pavilion] of [[1, 'KG'], [2, 'RU']] as const) {
      const answer = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/${lineNo}/refund`, { reason: 'other' }, { authorization: `Bearer ${await shop.tokenOf(pavilion)}` });
      expect(answer.status).toBe(200);
    }
    const refunds = shop.stripe.refunds().filter((refund) => refund.metadata.orderId === orderId);
    const answers = await Promise.all(thrice(refunds.map((refund) => refundUpdated(refund, 'succeeded'))).map(deliver));
    expect(answers.filter((answer) => answer.body.result === 'applied')).toHaveLength(2);
    const { order } = await shop.order(orderId);
    expect(order).toMatchObject({ status: 'refunded', refunded: order.total });
    expect([await shop.units(honey.id), await shop.units(chocolate.id)]).toEqual([{ stock: 10, reserved: 0, sold: 0 }, { stock: 10, reserved: 0, sold: 0 }]);
    expect(await shop.counted(orderId)).toBe(0);
  });
});
