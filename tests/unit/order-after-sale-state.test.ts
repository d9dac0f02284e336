import { describe, expect, it } from 'vitest';
import type { OrderLineView, OrderView } from '../../site/src/features/cart/api-types.js';
import { LINE_FULFILMENTS, ORDER_STATUSES } from '../../functions/domain/order.js';
import { REFUND_CAUSES, REFUND_STATUSES } from '../../functions/domain/refund.js';
import { RETURN_CONDITIONS, RETURN_STATUSES } from '../../functions/domain/returns.js';
import { WORDS } from '../../site/src/features/pavilion/i18n.js';
import { UI } from '../../site/src/i18n/ui.js';
import { canCancel, leftToRefund, refundTone, refundUnderway, refusalKey, returnTone } from '../../site/src/features/order/after-sale-state.js';

type Line = Pick<OrderLineView, 'fulfilment' | 'refund'>;
const refundOf = (status: 'requested' | 'succeeded' | 'failed', amount = 1000) =>
  ({ refundId: 'RFD-0000000000000000', status, cause: 'pavilion', amount: { amount, currency: 'CNY' }, requestedAt: '2026-11-30T10:00:00Z', settledAt: null }) as const;
const line = (fulfilment: Line['fulfilment'], refund: Line['refund'] = null) => ({ fulfilment, refund }) as OrderLineView;
const order = (status: OrderView['status'], lines: OrderLineView[]) => ({ status, lines });

describe('the order page after the sale', () => {
  it('offers to cancel a paid order while nothing has shipped and some line is not refunded', () => {
    expect(canCancel(order('paid', [line('to_ship'), line('to_ship')]))).toBe(true);
    expect(canCancel(order('paid_needs_attention', [line('to_ship')]))).toBe(true);
    expect(canCancel(order('partially_refunded', [line('cancelled', refundOf('succeeded')), line('to_ship')]))).toBe(true);
    // A line whose refund failed is still the shopper's to cancel (the API refunds it again).
    expect(canCancel(order('paid', [line('to_ship', refundOf('failed'))]))).toBe(true);
  });

  it('does not offer it once a line shipped, when every line is refunded or on its way, or before payment', () => {
    expect(canCancel(order('paid', [line('shipped'), line('to_ship')]))).toBe(false);
    expect(canCancel(order('partially_refunded', [line('cancelled', refundOf('requested'))]))).toBe(false);
    for (const status of ['pending_payment', 'expired', 'payment_failed', 'cancelled', 'refunded'] as const) {
      expect(canCancel(order(status, [line('to_ship')])), status).toBe(false);
    }
  });

  it('says a cancellation gives back the total less every refund not failed', () => {
    const total = { amount: 50_863, currency: 'CNY' as const };
    expect(leftToRefund({ total, refunds: [] })).toEqual(total);
    expect(leftToRefund({ total, refunds: [{ ...refundOf('succeeded', 10_358), lines: [] }, { ...refundOf('failed', 5_000), lines: [] }] })).toEqual({ amount: 40_505, currency: 'CNY' });
  });

  it('follows the order while a refund waits for the payment provider', () => {
    expect(refundUnderway({ refunds: [{ ...refundOf('succeeded'), lines: [] }] })).toBe(false);
    expect(refundUnderway({ refunds: [{ ...refundOf('succeeded'), lines: [] }, { ...refundOf('requested'), lines: [] }] })).toBe(true);
  });

  it('colours refunds and returns by what they mean to the shopper', () => {
    expect([refundTone('requested'), refundTone('succeeded'), refundTone('failed')]).toEqual(['info', 'ok', 'warn']);
    expect([returnTone('requested'), returnTone('accepted'), returnTone('declined'), returnTone('received'), returnTone('refunded')]).toEqual(['info', 'info', 'bad', 'info', 'ok']);
  });

  it('says each refusal the API names in its own words, and the others by status', () => {
    expect(refusalKey(409, 'line_shipped')).toBe('order.problem.line_shipped');
    expect(refusalKey(409, 'nothing_to_refund')).toBe('order.problem.order_refunded');
    expect(refusalKey(502, 'provider_failed')).toBe('order.problem.provider_failed');
    expect(refusalKey(0, undefined)).toBe('order.problem.network');
    expect(refusalKey(400, undefined)).toBe('order.problem.invalid');
    expect(refusalKey(500, 'something_new')).toBe('order.problem.other');
  });

  it('has words for every status, refund, return and refusal the pages can show, in the shop and the workspace', () => {
    const shop = [
      ...ORDER_STATUSES.flatMap((status) => [`order.status.${status}`, `order.body.${status}`]),
      ...LINE_FULFILMENTS.map((fulfilment) => `order.fulfilment.${fulfilment}`),
      ...REFUND_CAUSES.map((cause) => `order.refund.cause.${cause}`),
      ...REFUND_STATUSES.flatMap((status) => [`order.refund.status.${status}`, `order.refund.note.${status}`, `order.line.refund.${status}`]),
      ...RETURN_STATUSES.map((status) => `order.return.${status}`),
      ...['line_shipped', 'payment_in_progress', 'provider_failed', 'order_cancelled', 'nothing_to_refund', 'return_window_closed', 'return_exists', 'not_shipped', 'line_refunded', 'not_paid']
        .map((reason) => refusalKey(409, reason)),
    ];
    for (const key of shop) expect(Object.keys(UI.en), key).toContain(key);
    const workspace = [
      // The queue lists paid lines only: none awaits payment there.
      ...LINE_FULFILMENTS.filter((fulfilment) => fulfilment !== 'awaiting_payment').map((fulfilment) => `fulfilment.${fulfilment}`),
      ...REFUND_STATUSES.map((status) => `refund.${status}`),
      ...RETURN_STATUSES.map((status) => `return.${status}`),
      ...RETURN_CONDITIONS.map((condition) => `condition.${condition}`),
    ];
    for (const key of workspace) expect(Object.keys(WORDS), key).toContain(key);
  });
});
