import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyCondition, queries } from '../../functions/adapters/dynamodb/keys.js';
import { lineShares } from '../../functions/domain/refund.js';
import { DELIVERY_ALLOWANCE_DAYS } from '../../functions/domain/returns.js';
import { resendUnsentRefunds } from '../../functions/usecases/refunds.js';
import { aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

/**
 * After the sale, on real parts: the shop, the pavilion workspace and the operators' app on one
 * table, the local Stripe refunding through the real SDK and settling by signed webhooks.
 */
let shop: Shop;
let tokens: { KG: string; RU: string; operator: string };

beforeAll(async () => {
  shop = await startShop({ staff: true });
  tokens = { KG: await shop.tokenOf('KG'), RU: await shop.tokenOf('RU'), operator: await shop.tokenOf('operator') };
});
afterEach(() => {
  shop.stripe.holdRefunds(false);
  shop.clock.offsetMs = 0;
});
afterAll(async () => shop?.close());

const rail = { mode: 'direct_rail' as const, leadTimeDays: 14 };
const shopper = (token: string) => ({ 'x-order-token': token });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A paid order of KG honey (and, with `withRu`, RU chocolate), both by rail so every line carries freight and tax. */
async function paidOrder({ honeyUnits = 2, withRu = false } = {}) {
  const honey = aProduct({ stock: 10, fulfilment: rail });
  const chocolate = aProduct({ pavilion: 'RU', stock: 10, price: { amount: 39_900, currency: 'RUB' }, fulfilment: rail });
  await shop.deps.catalogue.putProducts(withRu ? [honey, chocolate] : [honey]);
  const { orderId, token } = await shop.paidOrder(withRu ? { [honey.id]: honeyUnits, [chocolate.id]: 1 } : { [honey.id]: honeyUnits });
  return { orderId, token, honey, chocolate };
}

const view = (orderId: string, token: string) => shop.call('GET', `/api/orders/${orderId}`, undefined, shopper(token));

/** Until every refund of the order has its outcome (the local Stripe settles right after answering, then its webhooks arrive). */
async function settled(orderId: string) {
  return eventually(() => shop.order(orderId), (stored) => stored.refunds.length > 0 && stored.refunds.every((refund) => refund.status !== 'requested'));
}

const stripeRefundsOf = (orderId: string) => shop.stripe.refunds().filter((refund) => refund.metadata.orderId === orderId);

async function ship(orderId: string, lineNo: number, token = tokens.KG) {
  const shipped = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/${lineNo}/shipment`, { carrier: 'KG Post', trackingNumber: `KG-${lineNo}-0001` }, bearer(token));
  expect(shipped.status).toBe(200);
}

describe('POST /api/orders/{id}/cancel', () => {
  it('cancels a paid order at once, and gives back the stock and the yearly allowance only when Stripe confirms the full refund', async () => {
    shop.stripe.holdRefunds(true);
    const { orderId, token, honey } = await paidOrder();
    const counted = await shop.counted(orderId);
    expect(counted).toBeGreaterThan(0);
    const { order } = await shop.order(orderId);

    const cancelled = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper(token));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled', cancelledAt: expect.any(String), refunded: { amount: 0, currency: 'CNY' },
      refunds: [{ status: 'requested', cause: 'cancellation', amount: order.total, lines: [{ lineNo: 1, amount: order.total }], settledAt: null }],
      lines: [{ fulfilment: 'cancelled', refund: { status: 'requested', amount: order.total }, return: null, returnableUntil: null }],
    });
    // Requested, not confirmed: nothing counts yet.
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    expect(await shop.counted(orderId)).toBe(counted);
    const [stripeRefund] = stripeRefundsOf(orderId);
    expect(stripeRefund).toMatchObject({ amount: order.total.amount, currency: 'cny', status: 'pending', payment_intent: order.paymentId, reason: 'requested_by_customer' });
    expect(stripeRefund!.metadata).toEqual({ refundId: cancelled.body.refunds[0].refundId, orderId });

    await shop.stripe.settleRefund(stripeRefund!.id);
    await settled(orderId);
    const after = await view(orderId, token);
    expect(after.body).toMatchObject({ status: 'cancelled', refunded: order.total, refunds: [{ status: 'succeeded', settledAt: expect.any(String) }] });
    expect(after.body.lines[0].refund).toMatchObject({ status: 'succeeded' });
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect(await shop.counted(orderId)).toBe(0);
    expect((await shop.order(orderId)).refunds[0]).toMatchObject({ providerRefundId: stripeRefund!.id, requestedBy: { role: 'shopper' } });
  });

  it('answers a second cancellation with the same order and refunds nothing twice', async () => {
    const { orderId, token } = await paidOrder();
    expect((await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper(token))).status).toBe(200);
    await settled(orderId);
    const again = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper(token));
    expect(again.status).toBe(200);
    expect(again.body.refunds).toHaveLength(1);
    expect(stripeRefundsOf(orderId)).toHaveLength(1);
  });

  it('releases an unpaid order without any refund, closing its Stripe session first', async () => {
    const honey = aProduct({ stock: 10 });
    await shop.deps.catalogue.putProducts([honey]);
    const placed = await shop.checkout(await shop.newCart({ [honey.id]: 3 }));
    const { orderId, orderToken } = placed.body;
    expect(await shop.units(honey.id)).toEqual({ stock: 7, reserved: 3, sold: 0 });
    const cancelled = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper(orderToken));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String), refunds: [], paidAt: null });
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect(await shop.counted(orderId)).toBe(0);
    const sessionId = placed.body.checkoutUrl.split('/pay/')[1];
    expect(shop.stripe.sessions().find((entry) => entry.session.id === sessionId)?.session.status).toBe('expired');
    expect(stripeRefundsOf(orderId)).toEqual([]);
  });

  it('answers 409 once any line has shipped, and changes nothing', async () => {
    const { orderId, token, honey } = await paidOrder({ withRu: true });
    await ship(orderId, 1);
    const refused = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper(token));
    expect(refused.status).toBe(409);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ reason: 'line_shipped', lineNo: 1 });
    expect((await shop.order(orderId)).order.status).toBe('paid');
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
  });

  it('keeps a refund Stripe could not be reached for on the unsent list, and the sweep sends it once', async () => {
    const { orderId, token, honey } = await paidOrder();
    shop.stripe.failRefundCreation(1);
    const cancelled = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper(token));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', refunds: [{ status: 'requested' }] });
    expect((await shop.order(orderId)).refunds[0]!.providerRefundId).toBeUndefined();
    expect(stripeRefundsOf(orderId)).toEqual([]);

    // Too soon: a request may still be on its way.
    expect((await resendUnsentRefunds(shop.deps, new Date())).sent).toBe(0);
    const report = await resendUnsentRefunds(shop.deps, new Date(Date.now() + 3 * 60_000));
    expect(report).toMatchObject({ sent: 1, failed: 0, unreachable: 0 });
    await settled(orderId);
    expect(stripeRefundsOf(orderId)).toHaveLength(1);
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect((await resendUnsentRefunds(shop.deps, new Date(Date.now() + 3 * 60_000))).sent).toBe(0);
  });

  it('answers 404 for a wrong token and an unknown order alike, and 400 without a token', async () => {
    const { orderId } = await paidOrder();
    const wrong = await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, shopper('A'.repeat(43)));
    const unknown = await shop.call('POST', '/api/orders/ORD-0000000000000000/cancel', undefined, shopper('A'.repeat(43)));
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body).toEqual(unknown.body);
    expect((await shop.call('POST', `/api/orders/${orderId}/cancel`)).status).toBe(400);
    expect((await shop.order(orderId)).order.status).toBe('paid');
  });
});

describe('POST /api/pavilion/orders/{orderId}/lines/{lineNo}/refund', () => {
  it('refunds one line of a two-line order with its share of freight and tax; out of stock, its units do not go back on sale', async () => {
    const { orderId, token, honey, chocolate } = await paidOrder({ withRu: true });
    const before = await shop.order(orderId);
    const share = lineShares(before.order, before.lines)[0]!;
    expect(share.freight.amount).toBeGreaterThan(0);
    expect(share.tax.amount).toBeGreaterThan(0);
    const counted = await shop.counted(orderId);

    shop.stripe.holdRefunds(true);
    const refunded = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'out_of_stock', note: 'the last jars broke' }, bearer(tokens.KG));
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ orderId, lineNo: 1, fulfilment: 'cancelled', refund: { status: 'requested', cause: 'pavilion' } });
    expect(refunded.body.refund).not.toHaveProperty('amount');
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    shop.stripe.holdRefunds(false);
    await shop.stripe.settleRefund(stripeRefundsOf(orderId)[0]!.id);

    await settled(orderId);
    const after = await view(orderId, token);
    expect(after.body).toMatchObject({ status: 'partially_refunded', refunded: share.amount, refunds: [{ amount: share.amount, lines: [{ lineNo: 1 }] }] });
    expect(after.body.lines.map((line: any) => [line.fulfilment, line.refund?.status ?? null])).toEqual([['cancelled', 'succeeded'], ['to_ship', null]]);
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 0 });
    expect(await shop.counted(orderId)).toBe(counted - before.lines[0]!.dutiableCny.amount);
    expect(stripeRefundsOf(orderId).map((refund) => refund.amount)).toEqual([share.amount.amount]);

    // The other pavilion refunds its own line for another reason: its units go back to stock, and all of the order is refunded, exactly.
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/2/refund`, { reason: 'other' }, bearer(tokens.RU))).status).toBe(200);
    await eventually(() => shop.order(orderId), (stored) => stored.order.status === 'refunded');
    const done = await shop.order(orderId);
    expect(done.order.refunded).toEqual(done.order.total);
    expect(await shop.units(chocolate.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect(await shop.counted(orderId)).toBe(0);
  });

  it('lets only the line’s own pavilion refund it: 403 for another, 404 for no such line, 401 without a token', async () => {
    const { orderId } = await paidOrder({ withRu: true });
    const other = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'damaged' }, bearer(tokens.RU));
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toMatch(/Test honey|honey/i);
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/9/refund`, { reason: 'damaged' }, bearer(tokens.KG))).status).toBe(404);
    expect((await shop.call('POST', '/api/pavilion/orders/ORD-0000000000000000/lines/1/refund', { reason: 'damaged' }, bearer(tokens.KG))).status).toBe(404);
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'damaged' })).status).toBe(401);
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'lost' }, bearer(tokens.KG))).status).toBe(400);
    expect((await shop.order(orderId)).refunds).toEqual([]);
  });

  it('refuses a line refunded already, and a shipped line (returns are for those)', async () => {
    const { orderId } = await paidOrder({ withRu: true });
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'damaged' }, bearer(tokens.KG))).status).toBe(200);
    const twice = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'damaged' }, bearer(tokens.KG));
    expect(twice.status).toBe(409);
    expect(twice.body.reason).toBe('line_refunded');
    await ship(orderId, 2, tokens.RU);
    const shipped = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/2/refund`, { reason: 'other' }, bearer(tokens.RU));
    expect(shipped.status).toBe(409);
    expect(shipped.body.reason).toBe('line_shipped');
    // A refunded line is not shipped any more.
    const shipRefunded = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/shipment`, { carrier: 'KG Post', trackingNumber: 'KG-1-0002' }, bearer(tokens.KG));
    expect(shipRefunded.status).toBe(409);
  });

  it('keeps a failed refund visible to operators and counts nothing; an operator’s retry does what it would have done', async () => {
    const { orderId, honey } = await paidOrder({ withRu: true });
    const counted = await shop.counted(orderId);
    shop.stripe.failNextRefunds(1);
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/refund`, { reason: 'out_of_stock' }, bearer(tokens.KG))).status).toBe(200);
    const failed = await settled(orderId);
    const [refund] = failed.refunds;
    expect(refund).toMatchObject({ status: 'failed', failureReason: 'expired_or_canceled_card' });
    expect(failed.order).toMatchObject({ status: 'paid', refundsCommitted: { amount: 0 } });
    expect(failed.lines[0]).toMatchObject({ fulfilment: 'cancelled', refund: { status: 'failed' } });
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    expect(await shop.counted(orderId)).toBe(counted);

    const list = await eventually(
      () => shop.call('GET', '/api/operator/refunds?status=failed', undefined, bearer(tokens.operator)),
      (answer) => answer.body.items?.some((item: any) => item.refundId === refund!.refundId),
    );
    expect(list.body.items.find((item: any) => item.refundId === refund!.refundId)).toMatchObject({
      orderId, status: 'failed', cause: 'pavilion', reason: 'out_of_stock', failureReason: 'expired_or_canceled_card',
      requestedBy: { role: 'pavilion', pavilion: 'KG', subject: expect.any(String) },
    });
    expect((await shop.call('GET', '/api/operator/refunds?status=failed', undefined, bearer(tokens.KG))).status).toBe(403);

    const retry = await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { lineNo: 1, reason: 'the buyer’s card was replaced' }, bearer(tokens.operator));
    expect(retry.status).toBe(200);
    // Requested, or already confirmed: the local Stripe settles right after it answers.
    expect(retry.body.refund).toMatchObject({ status: expect.stringMatching(/^(requested|succeeded)$/), cause: 'operator', requestedBy: { role: 'operator', subject: 'demo-operator' }, amount: refund!.amount });
    await eventually(() => shop.order(orderId), (stored) => stored.refunds.some((entry) => entry.status === 'succeeded'));
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 0 });
    const stored = await shop.order(orderId);
    expect(stored.refunds.find((entry) => entry.refundId === refund!.refundId)).toMatchObject({ status: 'failed', retriedBy: retry.body.refund.refundId });
    const after = await eventually(
      () => shop.call('GET', '/api/operator/refunds?status=failed', undefined, bearer(tokens.operator)),
      (answer) => !answer.body.items.some((item: any) => item.refundId === refund!.refundId),
    );
    expect(after.status).toBe(200);
  });
});

describe('returns', () => {
  it('a shipped line returned within 30 days: accepted, received, refunded in full with its tax, the allowance restored, resellable units restocked', async () => {
    const { orderId, token, honey } = await paidOrder({ honeyUnits: 1 });
    const { order } = await shop.order(orderId);
    await ship(orderId, 1);
    const shippedView = await view(orderId, token);
    expect(shippedView.body.lines[0].returnableUntil).toEqual(expect.any(String));

    const asked = await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'the jar arrived cracked' }, shopper(token));
    expect(asked.status).toBe(200);
    expect(asked.body.lines[0]).toMatchObject({ return: { status: 'requested', reason: 'the jar arrived cracked', goodsDueBy: expect.any(String) }, returnableUntil: null });

    const queue = await shop.call('GET', '/api/pavilion/orders?fulfilment=shipped', undefined, bearer(tokens.KG));
    expect(queue.body.items.find((line: any) => line.orderId === orderId)).toMatchObject({ return: { status: 'requested' } });

    const accepted = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/accept`, undefined, bearer(tokens.KG));
    expect(accepted.status).toBe(200);
    expect(accepted.body.return).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const received = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/received`, { condition: 'resellable' }, bearer(tokens.KG));
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ fulfilment: 'shipped', return: { condition: 'resellable' }, refund: { cause: 'return' } });
    expect(['received', 'refunded']).toContain(received.body.return.status);

    await settled(orderId);
    const after = await view(orderId, token);
    expect(after.body).toMatchObject({ status: 'refunded', refunded: order.total, refunds: [{ cause: 'return', amount: order.total, status: 'succeeded' }] });
    expect(after.body.lines[0]).toMatchObject({ return: { status: 'refunded' }, refund: { status: 'succeeded' } });
    expect(order.tax.amount).toBeGreaterThan(0);
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect(await shop.counted(orderId)).toBe(0);
  });

  it('a declined return stays declined: no second request, nothing received', async () => {
    const { orderId, token } = await paidOrder({ honeyUnits: 1 });
    await ship(orderId, 1);
    expect((await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'changed my mind' }, shopper(token))).status).toBe(200);
    const declined = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/decline`, { reason: 'the jar was opened' }, bearer(tokens.KG));
    expect(declined.body.return).toMatchObject({ status: 'declined', declineReason: 'the jar was opened' });
    const again = await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'please' }, shopper(token));
    expect([again.status, again.body.reason]).toEqual([409, 'return_exists']);
    const receive = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/received`, { condition: 'damaged' }, bearer(tokens.KG));
    expect([receive.status, receive.body.reason]).toEqual([409, 'return_not_in_step']);
    const accept = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/accept`, undefined, bearer(tokens.KG));
    expect([accept.status, accept.body.reason]).toEqual([409, 'return_not_in_step']);
    expect((await shop.order(orderId)).refunds).toEqual([]);
  });

  it('refuses a return of a line not shipped, after the window, on a line nobody asked to return, and of another pavilion', async () => {
    const { orderId, token } = await paidOrder({ withRu: true });
    const unshipped = await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'too slow' }, shopper(token));
    expect([unshipped.status, unshipped.body.reason]).toEqual([409, 'not_shipped']);
    await ship(orderId, 1);
    shop.clock.offsetMs = (DELIVERY_ALLOWANCE_DAYS.direct_rail + 31) * 86_400_000;
    const late = await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'too late' }, shopper(token));
    expect([late.status, late.body.reason]).toEqual([409, 'return_window_closed']);
    expect(late.body.closedAt).toEqual(expect.any(String));
    shop.clock.offsetMs = 0;
    const nothingAsked = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/accept`, undefined, bearer(tokens.KG));
    expect([nothingAsked.status, nothingAsked.body.reason]).toEqual([409, 'no_return']);
    expect((await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'not what I ordered' }, shopper(token))).status).toBe(200);
    expect((await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/return/accept`, undefined, bearer(tokens.RU))).status).toBe(403);
    expect((await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'x' }, shopper(token))).status).toBe(400);
    expect((await shop.call('POST', `/api/orders/${orderId}/lines/7/return`, { reason: 'which line?' }, shopper(token))).status).toBe(404);
    expect((await shop.call('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'no token' })).status).toBe(400);
  });
});

describe('POST /api/operator/orders/{id}/refund', () => {
  it('refunds a whole unshipped order (cancelling it) and records who did it and when with the order', async () => {
    const { orderId, token, honey } = await paidOrder();
    const { order } = await shop.order(orderId);
    const refunded = await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { reason: 'a late payment nobody can fulfil', restock: false }, bearer(tokens.operator));
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({
      refund: { orderId, status: expect.stringMatching(/^(requested|succeeded)$/), cause: 'operator', reason: 'a late payment nobody can fulfil', amount: order.total, allowanceBack: order.allowance.counted },
      order: { orderId, status: 'cancelled', total: order.total },
    });
    await settled(orderId);
    expect((await view(orderId, token)).body).toMatchObject({ status: 'cancelled', refunded: order.total });
    // restock false: the units leave the counts.
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 0 });

    const audit = await shop.table.doc.send(new QueryCommand({ TableName: shop.table.tableName, ...keyCondition(queries.operatorActions(orderId)), ConsistentRead: true }));
    expect(audit.Items).toEqual([
      expect.objectContaining({ action: 'refund', operator: 'demo-operator', orderId, refundId: refunded.body.refund.refundId, reason: 'a late payment nobody can fulfil', at: expect.any(String) }),
    ]);
  });

  it('refunds a shipped line’s money only: its goods stay declared and its units do not come back', async () => {
    const { orderId, honey } = await paidOrder();
    await ship(orderId, 1);
    const counted = await shop.counted(orderId);
    const refunded = await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { lineNo: 1, reason: 'parcel lost in transit' }, bearer(tokens.operator));
    expect(refunded.status).toBe(200);
    expect(refunded.body.refund.allowanceBack).toEqual({ amount: 0, currency: 'CNY' });
    await settled(orderId);
    expect((await shop.order(orderId)).order.status).toBe('refunded');
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    expect(await shop.counted(orderId)).toBe(counted);
  });

  it('is for operators only, and refuses what cannot be refunded', async () => {
    const { orderId } = await paidOrder();
    const body = { reason: 'testing the guard' };
    expect((await shop.call('POST', `/api/operator/orders/${orderId}/refund`, body)).status).toBe(401);
    expect((await shop.call('POST', `/api/operator/orders/${orderId}/refund`, body, bearer(tokens.KG))).status).toBe(403);
    expect((await shop.call('POST', '/api/operator/orders/ORD-0000000000000000/refund', body, bearer(tokens.operator))).status).toBe(404);
    expect((await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { reason: '' }, bearer(tokens.operator))).status).toBe(400);
    const noLine = await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { ...body, lineNo: 5 }, bearer(tokens.operator));
    expect([noLine.status, noLine.body.reason]).toEqual([404, 'no_such_line']);
    const honey = aProduct({ stock: 10 });
    await shop.deps.catalogue.putProducts([honey]);
    const unpaid = await shop.checkout(await shop.newCart({ [honey.id]: 1 }));
    const refused = await shop.call('POST', `/api/operator/orders/${unpaid.body.orderId}/refund`, body, bearer(tokens.operator));
    expect([refused.status, refused.body.reason]).toEqual([409, 'not_paid']);
    expect((await shop.order(orderId)).refunds).toEqual([]);
  });
});
