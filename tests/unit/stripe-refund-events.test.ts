import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { toPaymentEvent } from '../../functions/adapters/stripe/stripe-gateway.js';

const refund = (status: string, metadata: Record<string, string> = { refundId: 'RFD-0000000000000001', orderId: 'ORD-0000000000000001' }) => ({
  id: 're_1', object: 'refund', amount: 4_900, currency: 'cny', status, metadata, payment_intent: 'pi_1', charge: 'ch_1',
  ...(status === 'failed' ? { failure_reason: 'expired_or_canceled_card' } : {}),
});
const eventOf = (type: string, object: object) => ({ id: 'evt_1', type, data: { object } }) as unknown as Stripe.Event;

describe('Stripe refund events in our words', () => {
  it.each([
    ['refund.created', 'pending', 'pending'],
    ['refund.updated', 'requires_action', 'pending'],
    ['refund.updated', 'succeeded', 'succeeded'],
    ['refund.updated', 'failed', 'failed'],
    ['refund.updated', 'canceled', 'failed'],
    ['refund.failed', 'failed', 'failed'],
  ])('%s with status %s reports %s, with our refund and order ids and the amount', (type, status, reported) => {
    const event = toPaymentEvent(eventOf(type, refund(status)));
    expect(event).toMatchObject({ eventId: 'evt_1', outcome: null, orderId: 'ORD-0000000000000001' });
    expect(event.refunds).toEqual([
      {
        refundId: 'RFD-0000000000000001', orderId: 'ORD-0000000000000001', providerRefundId: 're_1', status: reported,
        amount: { amount: 4_900, currency: 'CNY' }, failureReason: status === 'failed' ? 'expired_or_canceled_card' : null,
      },
    ]);
  });

  it('reports each refund a charge.refunded lists, and none when the charge does not list them', () => {
    const listed = toPaymentEvent(eventOf('charge.refunded', { id: 'ch_1', object: 'charge', refunds: { data: [refund('succeeded'), { ...refund('succeeded'), id: 're_2' }] } }));
    expect(listed.refunds.map((report) => [report.providerRefundId, report.status])).toEqual([['re_1', 'succeeded'], ['re_2', 'succeeded']]);
    expect(toPaymentEvent(eventOf('charge.refunded', { id: 'ch_1', object: 'charge' })).refunds).toEqual([]);
  });

  it('keeps a refund made elsewhere (no metadata) nameless, and payment events without refunds', () => {
    expect(toPaymentEvent(eventOf('refund.updated', refund('succeeded', {}))).refunds[0]).toMatchObject({ refundId: null, orderId: null });
    expect(toPaymentEvent(eventOf('checkout.session.expired', { id: 'cs_1', metadata: {}, currency: 'cny', amount_total: 1 })).refunds).toEqual([]);
  });
});
