import { describe, expect, it } from 'vitest';
import type { Money } from '../../functions/domain/money.js';
import type { Order, OrderLine, OrderStatus } from '../../functions/domain/order.js';
import {
  decideCancellation,
  decideOperatorRefund,
  decidePavilionRefund,
  decideRefund,
  lineShares,
  planSettlement,
  statusAfterRefunds,
  type Refund,
  type RefundRequestPlan,
  type RefundStatus,
  type ReportedRefundStatus,
} from '../../functions/domain/refund.js';

const rub = (amount: number): Money => ({ amount, currency: 'RUB' });
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });
const NOW = '2026-04-01T10:00:00.000Z';
const context = (refundId = 'RFD-0000000000000001') => ({ refundId, now: NOW, actor: { role: 'shopper' as const } });

/**
 * Three lines charged in RUB: goods unit by unit, freight and tax as two sums converted from yuan
 * (1,001 and 777 kopeks: neither divides evenly over the lines' yuan figures).
 */
function line(lineNo: number, overrides: Partial<OrderLine> = {}): OrderLine {
  const figures: Record<number, { unit: number; qty: number; freight: number; tax: number; dutiable: number }> = {
    1: { unit: 12_345, qty: 1, freight: 1_000, tax: 700, dutiable: 11_000 },
    2: { unit: 3_333, qty: 3, freight: 700, tax: 660, dutiable: 9_700 },
    3: { unit: 999, qty: 2, freight: 301, tax: 130, dutiable: 2_100 },
  };
  const f = figures[lineNo]!;
  return {
    orderId: 'ORD-0000000000000001', lineNo, productId: `kg-product-${lineNo}`, pavilion: 'KG', sku: `SKU-${lineNo}`,
    title: { zh: '蜂蜜', ru: 'Мёд', en: 'Honey' }, quantity: f.qty, unitPrice: { amount: 100_000, currency: 'KGS' }, chargedUnitPrice: rub(f.unit),
    hsCode: '0409000000', vatBp: 900, consumptionTaxBp: 0, weightGrams: 500, fulfilmentMode: 'direct_rail',
    unitPriceCny: cny(1), goodsCny: cny(f.dutiable - f.freight), freightCny: cny(f.freight), dutiableCny: cny(f.dutiable), taxCny: cny(f.tax),
    shipTo: { recipient: {} as never, buyerName: '王芳', buyerIdMasked: '370***********9973' },
    fulfilment: 'to_ship', paidAt: NOW,
    ...overrides,
  };
}

function stored(status: OrderStatus = 'paid', lineOverrides: Record<number, Partial<OrderLine>> = {}, orderOverrides: Partial<Order> = {}, refunds: Refund[] = []) {
  const lines = [1, 2, 3].map((lineNo) => line(lineNo, lineOverrides[lineNo]));
  const goods = lines.reduce((sum, entry) => sum + entry.chargedUnitPrice.amount * entry.quantity, 0);
  const order = {
    orderId: 'ORD-0000000000000001', status, currency: 'RUB', goods: rub(goods), freight: rub(1_001), tax: rub(777), total: rub(goods + 1_001 + 777),
    allowance: { buyerKey: 'k', year: 2026, counted: cny(22_800) }, lines: lines.map(({ lineNo, productId, pavilion, quantity }) => ({ lineNo, productId, pavilion, quantity })),
    paymentId: 'pi_1', createdAt: NOW, expiresAt: NOW,
    ...orderOverrides,
  } as Order;
  return { order, lines, refunds };
}

function planOf(decision: { kind: string; plan?: RefundRequestPlan; refusal?: { reason: string } }): RefundRequestPlan {
  if (decision.kind !== 'refund' || !decision.plan) throw new Error(`expected a refund, got ${JSON.stringify(decision)}`);
  return decision.plan;
}

describe('lineShares: what each line of an order is worth back', () => {
  it('gives each line its charged goods and shares of freight and tax that add up exactly to the order’s total', () => {
    const { order, lines } = stored();
    const shares = lineShares(order, lines);
    expect(shares.map((share) => share.goods.amount)).toEqual([12_345, 9_999, 1_998]);
    expect(shares.reduce((sum, share) => sum + share.freight.amount, 0)).toBe(1_001);
    expect(shares.reduce((sum, share) => sum + share.tax.amount, 0)).toBe(777);
    expect(shares.reduce((sum, share) => sum + share.amount.amount, 0)).toBe(order.total.amount);
    expect(shares.reduce((sum, share) => sum + share.dutiable.amount, 0)).toBe(order.allowance.counted.amount);
    // In proportion to the yuan figures: 1,001 × 1,000/2,001 = 500.25 → 500, and the fen left over to the largest remainders.
    expect(shares.map((share) => share.freight.amount)).toEqual([500, 350, 151]);
    expect(shares.map((share) => share.dutiable.amount)).toEqual([11_000, 9_700, 2_100]);
  });

  it.each([
    [1, [7], [3]],
    [2, [1, 1], [0, 0]],
    [99_999, [1, 2, 3, 4, 5], [13, 0, 0, 0, 1]],
  ])('splits %i over any weights exactly (freight %j, tax %j)', (amount, freightWeights, taxWeights) => {
    const lines = freightWeights.map((weight, index) => ({ lineNo: index + 1, quantity: 1, chargedUnitPrice: rub(100), freightCny: cny(weight), taxCny: cny(taxWeights[index]!) }));
    const order = { currency: 'RUB' as const, goods: rub(100 * lines.length), freight: rub(amount), tax: rub(amount), total: rub(100 * lines.length + 2 * amount) };
    const shares = lineShares(order, lines);
    expect(shares.reduce((sum, share) => sum + share.amount.amount, 0)).toBe(order.total.amount);
  });

  it('refunds an order placed before freight and tax were itemised in full, as goods', () => {
    const shares = lineShares({ currency: 'CNY', total: cny(500) }, [{ lineNo: 1, quantity: 2, chargedUnitPrice: cny(250) }]);
    expect(shares).toEqual([expect.objectContaining({ goods: cny(500), freight: cny(0), tax: cny(0), amount: cny(500), dutiable: cny(0) })]);
  });
});

describe('decideRefund: what a provider’s report does to a refund', () => {
  const cases: Array<[RefundStatus, ReportedRefundStatus, string]> = [
    ['requested', 'pending', 'none'],
    ['requested', 'succeeded', 'succeed'],
    ['requested', 'failed', 'fail'],
    ['succeeded', 'pending', 'none'],
    ['succeeded', 'succeeded', 'none'],
    ['succeeded', 'failed', 'reverse'],
    ['failed', 'pending', 'none'],
    ['failed', 'succeeded', 'none'],
    ['failed', 'failed', 'none'],
  ];
  it.each(cases)('%s + %s -> %s', (status, reported, expected) => {
    expect(decideRefund({ status }, reported).kind).toBe(expected);
  });

  it('ends in the same state whatever order a success and a failure arrive in, however often', () => {
    const reports: ReportedRefundStatus[] = ['pending', 'succeeded', 'succeeded', 'failed', 'pending', 'failed'];
    const endings = new Set<RefundStatus>();
    for (let round = 0; round < 200; round++) {
      const shuffled = [...reports].sort(() => Math.random() - 0.5);
      let status: RefundStatus = 'requested';
      for (const report of shuffled) {
        const settlement = decideRefund({ status }, report);
        if (settlement.kind === 'succeed') status = 'succeeded';
        if (settlement.kind === 'fail' || settlement.kind === 'reverse') status = 'failed';
      }
      endings.add(status);
    }
    expect([...endings]).toEqual(['failed']);
  });
});

describe('decideCancellation: the shopper cancels', () => {
  const cases: Array<[OrderStatus, string]> = [
    ['pending_payment', 'release'],
    ['cancelled', 'already_cancelled'],
    ['expired', 'refused:not_paid'],
    ['payment_failed', 'refused:not_paid'],
    ['refunded', 'refused:order_refunded'],
    ['paid', 'refund'],
    ['paid_needs_attention', 'refund'],
    ['partially_refunded', 'refund'],
  ];
  it.each(cases)('%s -> %s', (status, expected) => {
    const decision = decideCancellation(stored(status), context());
    expect(decision.kind === 'refused' ? `refused:${decision.refusal.reason}` : decision.kind).toBe(expected);
  });

  it('refunds exactly the total, cancels the order and stops every line shipping; units and allowance wait for the refund', () => {
    const { order, lines } = stored();
    const plan = planOf(decideCancellation({ order, lines }, context()));
    expect(plan.refund).toMatchObject({ status: 'requested', cause: 'cancellation', amount: order.total, allowanceBack: order.allowance.counted });
    expect(plan).toMatchObject({ statusWas: 'paid', status: 'cancelled', cancelledAt: NOW, committed: order.total });
    expect(plan.lines.map((entry) => [entry.fulfilmentWas, entry.fulfilment])).toEqual([['to_ship', 'cancelled'], ['to_ship', 'cancelled'], ['to_ship', 'cancelled']]);
    expect(plan.refund.lines.map((entry) => entry.units)).toEqual(['restock', 'restock', 'restock']);
  });

  it('is refused once any line has shipped', () => {
    const decision = decideCancellation(stored('paid', { 2: { fulfilment: 'shipped', shippedAt: NOW } }), context());
    expect(decision).toEqual({ kind: 'refused', refusal: { reason: 'line_shipped', lineNo: 2 } });
  });

  it('covers only the lines not refunded before, so all refunds together stay within the total', () => {
    const first = stored('partially_refunded', { 1: { fulfilment: 'cancelled', refund: { refundId: 'RFD-1', status: 'succeeded', cause: 'pavilion', amount: rub(0), requestedAt: NOW } } });
    const plan = planOf(decideCancellation(first, context()));
    const shares = lineShares(first.order, first.lines);
    expect(plan.refund.lines.map((entry) => entry.lineNo)).toEqual([2, 3]);
    expect(plan.refund.amount.amount).toBe(first.order.total.amount - shares[0]!.amount.amount);
  });

  it('gives back only what a late payment held: no units when the stock was gone, no allowance when the year was full', () => {
    const stockGone = planOf(decideCancellation(stored('paid_needs_attention', {}, { attention: 'stock_gone' }), context()));
    expect(stockGone.refund.lines.map((entry) => entry.units)).toEqual(['none', 'none', 'none']);
    expect(stockGone.refund.allowanceBack).toEqual(cny(22_800));
    const yearFull = planOf(decideCancellation(stored('paid_needs_attention', {}, { attention: 'allowance_gone' }), context()));
    expect(yearFull.refund.allowanceBack).toEqual(cny(0));
  });
});

describe('decidePavilionRefund: a pavilion refunds a line it cannot ship', () => {
  it.each([
    ['out_of_stock', 'write_off'],
    ['damaged', 'write_off'],
    ['other', 'restock'],
  ] as const)('%s: its units %s, its allowance back, its shares of freight and tax included', (reason, units) => {
    const order = stored();
    const plan = planOf(decidePavilionRefund(order, 2, reason, undefined, context()));
    const share = lineShares(order.order, order.lines)[1]!;
    expect(plan.refund).toMatchObject({ cause: 'pavilion', reason, amount: share.amount, allowanceBack: cny(9_700) });
    expect(plan.refund.lines).toEqual([expect.objectContaining({ lineNo: 2, units, goods: rub(9_999), freight: share.freight, tax: share.tax })]);
    expect(plan).toMatchObject({ status: 'paid', committed: share.amount });
    expect(plan.lines).toEqual([expect.objectContaining({ lineNo: 2, fulfilmentWas: 'to_ship', fulfilment: 'cancelled' })]);
  });

  it.each([
    ['shipped', { fulfilment: 'shipped' as const }, 'line_shipped'],
    ['refund requested', { fulfilment: 'cancelled' as const, refund: { refundId: 'RFD-1', status: 'requested' as const, cause: 'pavilion' as const, amount: rub(1), requestedAt: NOW } }, 'line_refunded'],
    ['refunded', { fulfilment: 'cancelled' as const, refund: { refundId: 'RFD-1', status: 'succeeded' as const, cause: 'pavilion' as const, amount: rub(1), requestedAt: NOW } }, 'line_refunded'],
    ['unpaid', { fulfilment: 'awaiting_payment' as const }, 'not_paid'],
  ])('is refused for a line %s', (_name, overrides, reason) => {
    const decision = decidePavilionRefund(stored('paid', { 1: overrides }), 1, 'other', undefined, context());
    expect(decision.kind === 'refused' && decision.refusal.reason).toBe(reason);
  });

  it('tries a failed refund again, replacing it', () => {
    const failed = { refundId: 'RFD-0000000000000009', status: 'failed' as const, cause: 'pavilion' as const, amount: rub(1), requestedAt: NOW };
    const plan = planOf(decidePavilionRefund(stored('paid', { 1: { fulfilment: 'cancelled', refund: failed } }), 1, 'other', undefined, context()));
    expect(plan.lines[0]).toMatchObject({ previousRefundId: failed.refundId, fulfilmentWas: 'cancelled' });
  });

  it('never lets refunds of every line pass the order’s total', () => {
    let current = stored();
    let committed = 0;
    for (const lineNo of [3, 1, 2]) {
      const plan = planOf(decidePavilionRefund(current, lineNo, 'other', undefined, context(`RFD-000000000000000${lineNo}`)));
      committed = plan.committed.amount;
      const lines = current.lines.map((entry) => (entry.lineNo === lineNo ? { ...entry, fulfilment: 'cancelled' as const, refund: plan.lines[0]!.refund } : entry));
      current = { ...current, order: { ...current.order, refundsCommitted: plan.committed }, lines };
    }
    expect(committed).toBe(current.order.total.amount);
    expect(decidePavilionRefund(current, 1, 'other', undefined, context())).toMatchObject({ kind: 'refused', refusal: { reason: 'line_refunded' } });
  });
});

describe('decideOperatorRefund: an operator refunds', () => {
  it('refunds a shipped line’s money only: its goods stay in China, counted, and never come back to stock', () => {
    const plan = planOf(decideOperatorRefund(stored('paid', { 1: { fulfilment: 'shipped', shippedAt: NOW } }), { lineNo: 1, reason: 'parcel lost' }, context()));
    expect(plan.refund.lines).toEqual([expect.objectContaining({ lineNo: 1, units: 'none', allowanceBack: cny(0) })]);
    expect(plan.lines[0]).toMatchObject({ fulfilment: 'shipped' });
    expect(plan.status).toBe('paid');
  });

  it('cancels a whole order refunded before anything shipped; restock false keeps the units off sale', () => {
    const plan = planOf(decideOperatorRefund(stored(), { reason: 'buyer asked by phone', restock: false }, context()));
    expect(plan).toMatchObject({ status: 'cancelled', cancelledAt: NOW });
    expect(plan.refund).toMatchObject({ cause: 'operator', reason: 'buyer asked by phone' });
    expect(plan.refund.lines.map((entry) => entry.units)).toEqual(['write_off', 'write_off', 'write_off']);
  });

  it('tries a failed cancellation again doing what it would have done, the order staying cancelled', () => {
    const failedRefund = planOf(decideCancellation(stored(), context('RFD-0000000000000007'))).refund;
    const failed = { ...failedRefund, status: 'failed' as const };
    const lineRefund = { refundId: failed.refundId, status: 'failed' as const, cause: 'cancellation' as const, amount: rub(1), requestedAt: NOW };
    const state = stored('cancelled', { 1: { fulfilment: 'cancelled', refund: lineRefund }, 2: { fulfilment: 'cancelled', refund: lineRefund }, 3: { fulfilment: 'cancelled', refund: lineRefund } }, { cancelledAt: NOW }, [failed]);
    const plan = planOf(decideOperatorRefund(state, { reason: 'card replaced', restock: false }, context()));
    expect(plan.refund.lines.map((entry) => entry.units)).toEqual(['restock', 'restock', 'restock']);
    expect(plan.refund.amount).toEqual(state.order.total);
    expect(plan).toMatchObject({ status: 'cancelled', statusWas: 'cancelled' });
    expect(plan).not.toHaveProperty('cancelledAt');
    expect(plan.lines.map((entry) => entry.previousRefundId)).toEqual([failed.refundId, failed.refundId, failed.refundId]);
  });

  it.each(['pending_payment', 'expired', 'payment_failed'] as const)('refuses %s orders: nothing was paid', (status) => {
    expect(decideOperatorRefund(stored(status), { reason: 'x' }, context())).toMatchObject({ kind: 'refused', refusal: { reason: 'not_paid' } });
  });
});

describe('planSettlement and statusAfterRefunds: what a confirmed or failed refund changes', () => {
  function requested(lineNos: number[]) {
    const base = stored();
    const plan = planOf(decidePavilionRefund(base, lineNos[0]!, 'out_of_stock', undefined, context()));
    const lines = base.lines.map((entry) => (lineNos.includes(entry.lineNo) ? { ...entry, fulfilment: 'cancelled' as const, refund: plan.lines[0]!.refund } : entry));
    return { state: { ...base, order: { ...base.order, refundsCommitted: plan.committed }, lines, refunds: [plan.refund] }, refund: plan.refund };
  }

  it('succeed: the order’s refunded total grows, the units are written off, the allowance comes back, the order is partly refunded', () => {
    const { state, refund } = requested([1]);
    const plan = planSettlement(state, refund, { kind: 'succeed' }, NOW);
    expect(plan).toMatchObject({ refundStatus: 'succeeded', status: 'partially_refunded', refunded: refund.amount, committed: refund.amount, allowanceBack: cny(11_000) });
    expect(plan.moves).toEqual([{ productId: 'kg-product-1', quantity: 1, units: 'write_off', undo: false }]);
    expect(plan.lines).toEqual([expect.objectContaining({ lineNo: 1, refund: expect.objectContaining({ status: 'succeeded', settledAt: NOW }) })]);
  });

  it('fail: nothing counts and the commitment is released', () => {
    const { state, refund } = requested([1]);
    const plan = planSettlement(state, refund, { kind: 'fail' }, NOW);
    expect(plan).toMatchObject({ refundStatus: 'failed', status: 'paid', refunded: rub(0), committed: rub(0), moves: [], allowanceBack: cny(0) });
  });

  it('reverse: everything the success counted is undone, so a failed refund has counted nothing', () => {
    const { state, refund } = requested([1]);
    const succeeded = { ...state, order: { ...state.order, status: 'partially_refunded' as const, refunded: refund.amount }, lines: state.lines.map((entry) => (entry.lineNo === 1 ? { ...entry, refund: { ...entry.refund!, status: 'succeeded' as const } } : entry)) };
    const plan = planSettlement(succeeded, { ...refund, status: 'succeeded' }, { kind: 'reverse' }, NOW);
    expect(plan).toMatchObject({ refundStatus: 'failed', status: 'paid', refunded: rub(0), committed: rub(0), allowanceBack: cny(-11_000) });
    expect(plan.moves).toEqual([{ productId: 'kg-product-1', quantity: 1, units: 'write_off', undo: true }]);
  });

  const statusCases: Array<[OrderStatus, Array<RefundStatus | null>, OrderStatus]> = [
    ['paid', [null, null], 'paid'],
    ['paid', ['succeeded', null], 'partially_refunded'],
    ['paid', ['succeeded', 'succeeded'], 'refunded'],
    ['partially_refunded', ['failed', null], 'paid'],
    ['paid_needs_attention', ['requested', null], 'paid_needs_attention'],
    ['cancelled', ['succeeded', 'succeeded'], 'cancelled'],
  ];
  it.each(statusCases)('%s with line refunds %j -> %s', (status, refunds, expected) => {
    const lines = refunds.map((refund) => (refund ? { refund: { refundId: 'r', status: refund, cause: 'operator' as const, amount: rub(1), requestedAt: NOW } } : {}));
    expect(statusAfterRefunds({ status, ...(status === 'paid_needs_attention' ? { attention: 'stock_gone' as const } : {}) }, lines)).toBe(expected);
  });
});
