import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../functions/domain/order.js';
import {
  DELIVERY_ALLOWANCE_DAYS,
  decideReturnRequest,
  decideReturnStep,
  returnWindow,
  type LineReturn,
  type ReturnStatus,
  type ReturnStep,
} from '../../functions/domain/returns.js';

const SHIPPED = '2026-03-01T00:00:00.000Z';
const days = (n: number, from = SHIPPED) => new Date(Date.parse(from) + n * 86_400_000).toISOString();

function line(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    lineNo: 1, fulfilment: 'shipped', shippedAt: SHIPPED, fulfilmentMode: 'direct_rail',
    ...overrides,
  } as OrderLine;
}

const asked = (status: ReturnStatus): LineReturn => ({ status, reason: 'the jar arrived cracked', requestedAt: days(30), goodsDueBy: days(70) });

describe('returnWindow: 30 days from the estimated clearance, goods back within 45', () => {
  it.each(Object.entries(DELIVERY_ALLOWANCE_DAYS))('for %s, clearance is estimated %i days after shipping', (mode, allowance) => {
    const window = returnWindow({ shippedAt: SHIPPED, fulfilmentMode: mode as OrderLine['fulfilmentMode'] });
    expect(window).toEqual({ clearedBy: days(allowance), closesAt: days(allowance + 30), goodsDueBy: days(allowance + 45) });
  });

  it('has none for a line not shipped', () => {
    expect(returnWindow({})).toBeNull();
  });
});

describe('decideReturnRequest: the shopper asks to return a line', () => {
  const rail = DELIVERY_ALLOWANCE_DAYS.direct_rail;
  it('records the request with the day the goods are due back', () => {
    const decision = decideReturnRequest([line()], 1, 'wrong flavour', days(rail + 30));
    expect(decision).toEqual({ kind: 'write', next: { status: 'requested', reason: 'wrong flavour', requestedAt: days(rail + 30), goodsDueBy: days(rail + 45) } });
  });

  it.each([
    ['a line it does not have', [line()], 2, days(1), 'no_such_line'],
    ['a line not shipped', [line({ fulfilment: 'to_ship', shippedAt: undefined })], 1, days(1), 'not_shipped'],
    ['a cancelled line', [line({ fulfilment: 'cancelled', shippedAt: undefined })], 1, days(1), 'not_shipped'],
    ['past 30 days after clearance', [line()], 1, days(rail + 30 + 1), 'return_window_closed'],
    ['a line asked already', [line({ returnRequest: asked('declined') })], 1, days(1), 'return_exists'],
    [
      'a line refunded',
      [line({ refund: { refundId: 'RFD-1', status: 'succeeded', cause: 'operator', amount: { amount: 1, currency: 'CNY' }, requestedAt: SHIPPED } })],
      1, days(1), 'line_refunded',
    ],
  ] as const)('refuses %s', (_name, lines, lineNo, now, reason) => {
    const decision = decideReturnRequest(lines, lineNo, 'x', now);
    expect(decision.kind === 'refused' && decision.refusal.reason).toBe(reason);
  });
});

describe('decideReturnStep: the pavilion’s steps', () => {
  const steps: Record<string, ReturnStep> = {
    accept: { kind: 'accept' },
    decline: { kind: 'decline', reason: 'opened and eaten' },
    receive: { kind: 'receive', condition: 'resellable' },
  };
  const cases: Array<[ReturnStatus, keyof typeof steps, ReturnStatus | 'refused']> = [
    ['requested', 'accept', 'accepted'],
    ['requested', 'decline', 'declined'],
    ['requested', 'receive', 'refused'],
    ['accepted', 'accept', 'refused'],
    ['accepted', 'decline', 'refused'],
    ['accepted', 'receive', 'received'],
    ['declined', 'accept', 'refused'],
    ['declined', 'receive', 'refused'],
    ['received', 'receive', 'refused'],
    ['refunded', 'accept', 'refused'],
  ];
  it.each(cases)('%s + %s -> %s', (status, step, expected) => {
    const decision = decideReturnStep(line({ returnRequest: asked(status) }), steps[step]!, days(40));
    expect(decision.kind === 'write' ? decision.next.status : 'refused').toBe(expected);
  });

  it('keeps who decided when, why it was declined, and in what state the goods came back', () => {
    expect(decideReturnStep(line({ returnRequest: asked('requested') }), steps.decline!, days(40))).toMatchObject({ next: { decidedAt: days(40), declineReason: 'opened and eaten' } });
    expect(decideReturnStep(line({ returnRequest: asked('accepted') }), steps.receive!, days(50))).toMatchObject({ next: { receivedAt: days(50), condition: 'resellable' } });
  });

  it('refuses a step on a line nobody asked to return', () => {
    expect(decideReturnStep(line(), steps.accept!, days(40))).toEqual({ kind: 'refused', refusal: { reason: 'no_return', lineNo: 1 } });
  });
});
