import { describe, expect, it } from 'vitest';
import { decide, MAX_ORDER_LINES, ORDER_ID, type OrderStatus, type PaymentOutcome } from '../../functions/domain/order.js';
import { newOrderId } from '../../functions/usecases/ids.js';

describe('decide: what a payment outcome does to an order', () => {
  const cases: Array<[OrderStatus, PaymentOutcome, string]> = [
    ['pending_payment', 'paid', 'sell'],
    ['pending_payment', 'expired', 'release:expired'],
    ['pending_payment', 'failed', 'release:payment_failed'],
    ['pending_payment', 'awaiting_async_payment', 'none'],
    ['paid', 'expired', 'none'],
    ['paid', 'paid', 'none'],
    ['paid', 'failed', 'none'],
    ['expired', 'paid', 'resell'],
    ['payment_failed', 'paid', 'resell'],
    ['expired', 'expired', 'none'],
    ['expired', 'failed', 'none'],
    ['paid_needs_attention', 'paid', 'none'],
    ['paid_needs_attention', 'expired', 'none'],
    // After the sale: a payment event never reopens an order (a cancelled one is logged for a refund).
    ['cancelled', 'paid', 'none'],
    ['cancelled', 'expired', 'none'],
    ['partially_refunded', 'paid', 'none'],
    ['refunded', 'failed', 'none'],
  ];
  it.each(cases)('%s + %s -> %s', (status, outcome, expected) => {
    const decision = decide({ status }, outcome);
    expect(decision.kind === 'release' ? `release:${decision.status}` : decision.kind).toBe(expected);
  });
});

describe('order ids', () => {
  it('are ORD- and 16 unambiguous base32 characters, different every time', () => {
    const ids = Array.from({ length: 500 }, newOrderId);
    for (const id of ids) expect(id).toMatch(ORDER_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fit a whole order in one DynamoDB transaction (two items per line, plus the order and the event)', () => {
    expect(2 * MAX_ORDER_LINES + 3).toBeLessThanOrEqual(100);
  });
});
