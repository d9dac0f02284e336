import { describe, expect, it } from 'vitest';
import { maskEmail } from '../../functions/domain/audit.js';
import { attentionOfOrder, byNewest, mailsOfOrder, normalEmail, orderHistory, type AttentionItem } from '../../functions/domain/operator-console.js';
import type { Order, OrderLine } from '../../functions/domain/order.js';
import type { Refund } from '../../functions/domain/refund.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
const order = {
  orderId: 'ORD-0000000000000001', status: 'partially_refunded', total: cny(10_000), currency: 'CNY',
  createdAt: '2026-03-01T10:00:00.000Z', paidAt: '2026-03-01T10:02:00.000Z',
} as unknown as Order;
const line = (lineNo: number, changes: Partial<OrderLine> = {}) => ({ lineNo, pavilion: 'KG', ...changes }) as unknown as OrderLine;
const refund = {
  refundId: 'RFD-0000000000000001', orderId: order.orderId, reason: 'broken jar', status: 'succeeded', amount: cny(4_000),
  lines: [{ lineNo: 2 }], requestedBy: { role: 'operator', subject: 'op-1' }, requestedAt: '2026-03-03T09:00:00.000Z', succeededAt: '2026-03-03T09:00:05.000Z',
} as unknown as Refund;

describe('an order’s history', () => {
  it('puts every record on one timeline, oldest first, saying who did what to which line', () => {
    const history = orderHistory({
      order,
      lines: [line(1, { shippedAt: '2026-03-02T08:00:00.000Z', carrier: 'KG Post', trackingNumber: 'KG-1' }), line(2)],
      refunds: [refund],
      actions: [{ actionId: 'RFD-0000000000000001', orderId: order.orderId, operator: 'op-1', at: '2026-03-03T09:00:00.000Z', action: 'refund', refundId: refund.refundId, reason: 'broken jar', lineNo: 2 }],
      refusedEvents: [{ eventId: 'evt_1', eventType: 'checkout.session.completed', orderId: order.orderId, mismatch: 'amount', at: '2026-03-01T10:01:00.000Z' }],
      mails: [{ at: '2026-03-01T10:02:30.000Z', subject: 'shopper: Order confirmed' }],
    });
    expect(history.map((entry) => [entry.kind, entry.by ?? null, entry.lineNo ?? null])).toEqual([
      ['placed', 'shopper', null],
      ['webhook_refused', 'provider', null],
      ['paid', 'provider', null],
      ['mail_sent', null, null],
      ['shipped', 'KG', 1],
      ['refund_requested', 'op-1', 2],
      ['operator_action', 'op-1', 2],
      ['refund_succeeded', 'provider', 2],
    ]);
    expect(history.find((entry) => entry.kind === 'shipped')?.detail).toBe('KG Post KG-1');
    expect(history.find((entry) => entry.kind === 'operator_action')?.detail).toContain('broken jar');
  });

  it('shows sent and given-up mail by subject, and nothing of mail not sent yet', () => {
    expect(
      mailsOfOrder([
        { kind: 'order_confirmed', audience: 'shopper', status: 'sent', sentAt: '2026-03-01T10:03:00.000Z', subject: 'Заказ подтверждён' },
        { kind: 'line_shipped', audience: 'shopper', status: 'failed', failedAt: '2026-03-02T10:00:00.000Z', failureReason: 'bounced' },
        { kind: 'new_lines', audience: 'pavilion', status: 'ready' },
      ] as never),
    ).toEqual([
      { at: '2026-03-01T10:03:00.000Z', subject: 'shopper: Заказ подтверждён' },
      { at: '2026-03-02T10:00:00.000Z', subject: 'shopper: line_shipped not sent (bounced)' },
    ]);
  });
});

describe('needs attention', () => {
  it.each([
    ['stock_gone', 'restock_or_refund'],
    ['allowance_gone', 'refund_order'],
  ] as const)('a paid order with %s says %s', (reason, action) => {
    expect(attentionOfOrder({ orderId: 'ORD-1', createdAt: 'a', paidAt: 'b', attention: reason })).toMatchObject({ since: 'b', reason, action });
  });

  it('lists the newest first', () => {
    const at = (since: string) => ({ kind: 'payment_stuck', orderId: since, since, total: cny(1), action: 'check_payment_at_provider' }) as AttentionItem;
    expect(byNewest([at('2026-01-02'), at('2026-01-03'), at('2026-01-01')]).map((item) => item.since)).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
  });
});

describe('emails', () => {
  it.each([
    [' Wang.Fang@Example.COM ', 'wang.fang@example.com'],
    ['a@b.cn', 'a@b.cn'],
  ])('looks %j up as %j', (typed, normal) => expect(normalEmail(typed)).toBe(normal));

  it.each([
    ['olga@example.com', 'o***@example.com'],
    ['x@y.z', 'x***@y.z'],
    ['broken', '***'],
  ])('records %s as %s', (email, masked) => expect(maskEmail(email)).toBe(masked));
});
