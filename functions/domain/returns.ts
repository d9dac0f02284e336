import type { FulfilmentMode } from './catalogue.js';
import type { OrderLine } from './order.js';
import { openForRefund, type RefundStatus } from './refund.js';

/**
 * Returns of shipped lines. China's cross-border retail rules (财关税〔2016〕18号 and the customs
 * practice under it): a return may be applied for within 30 days of clearance, with the goods back
 * within 45 days; tax is not charged for returned goods, and the buyer's yearly allowance is
 * restored. So a line's return goes
 *
 *   requested --accept--> accepted --receive--> received --refund succeeds--> refunded
 *             --decline--> declined
 *
 * and the refund of a received line (refund.ts decideReturnRefund) gives back the whole line, tax
 * included, and its dutiable value to the buyer's year.
 */
export const RETURN_STATUSES = ['requested', 'accepted', 'declined', 'received', 'refunded'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** What the pavilion found when the goods came back: resellable units go back to stock. */
export const RETURN_CONDITIONS = ['resellable', 'damaged'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const RETURN_WINDOW_DAYS = 30;
export const GOODS_BACK_DAYS = 45;

/**
 * The store is not told when a parcel clears customs, so clearance is estimated as the day the line
 * shipped plus this allowance for its fulfilment mode. The figures are generous on purpose (a slow
 * parcel never costs the shopper their window); change them here, nowhere else.
 */
export const DELIVERY_ALLOWANCE_DAYS: Readonly<Record<FulfilmentMode, number>> = {
  bonded_warehouse: 5,
  direct_air: 10,
  direct_rail: 25,
};

export interface LineReturn {
  readonly status: ReturnStatus;
  /** The shopper's words. */
  readonly reason: string;
  readonly requestedAt: string;
  /** By when the goods should be back at the pavilion (estimated clearance + 45 days). */
  readonly goodsDueBy: string;
  /** When the pavilion accepted or declined it. */
  readonly decidedAt?: string;
  readonly declineReason?: string;
  readonly receivedAt?: string;
  readonly condition?: ReturnCondition;
  /** The refund the received goods started. */
  readonly refundId?: string;
  readonly refundedAt?: string;
}

const DAY_MS = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** A shipped line's estimated clearance, the last moment a return may be asked for, and when the goods are due back. */
export function returnWindow(line: Pick<OrderLine, 'shippedAt'> & Partial<Pick<OrderLine, 'fulfilmentMode'>>): { readonly clearedBy: string; readonly closesAt: string; readonly goodsDueBy: string } | null {
  if (!line.shippedAt) return null;
  const clearedBy = plusDays(line.shippedAt, DELIVERY_ALLOWANCE_DAYS[line.fulfilmentMode ?? 'direct_rail']);
  return { clearedBy, closesAt: plusDays(clearedBy, RETURN_WINDOW_DAYS), goodsDueBy: plusDays(clearedBy, GOODS_BACK_DAYS) };
}

export type ReturnRefusal =
  | { readonly reason: 'no_such_line'; readonly lineNo: number }
  /** Only what shipped can be returned; an unshipped line is cancelled or refunded instead. */
  | { readonly reason: 'not_shipped'; readonly lineNo: number }
  | { readonly reason: 'return_window_closed'; readonly lineNo: number; readonly closedAt: string }
  /** One return per line: asked already (declined ones included). */
  | { readonly reason: 'return_exists'; readonly lineNo: number; readonly status: ReturnStatus }
  | { readonly reason: 'line_refunded'; readonly lineNo: number; readonly status: RefundStatus }
  /** A pavilion's step on a line nobody asked to return. */
  | { readonly reason: 'no_return'; readonly lineNo: number }
  /** The step does not follow from where the return is (accepting a declined one, receiving one not accepted...). */
  | { readonly reason: 'return_not_in_step'; readonly lineNo: number; readonly status: ReturnStatus; readonly step: ReturnStep['kind'] };

export type ReturnDecision = { readonly kind: 'write'; readonly next: LineReturn } | { readonly kind: 'refused'; readonly refusal: ReturnRefusal };

/** The shopper asks to return a shipped line, within 30 days of its (estimated) clearance. */
export function decideReturnRequest(lines: readonly OrderLine[], lineNo: number, reason: string, now: string): ReturnDecision {
  const line = lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) return { kind: 'refused', refusal: { reason: 'no_such_line', lineNo } };
  if (!openForRefund(line)) return { kind: 'refused', refusal: { reason: 'line_refunded', lineNo, status: line.refund!.status } };
  if (line.returnRequest) return { kind: 'refused', refusal: { reason: 'return_exists', lineNo, status: line.returnRequest.status } };
  const window = line.fulfilment === 'shipped' ? returnWindow(line) : null;
  if (!window) return { kind: 'refused', refusal: { reason: 'not_shipped', lineNo } };
  if (now > window.closesAt) return { kind: 'refused', refusal: { reason: 'return_window_closed', lineNo, closedAt: window.closesAt } };
  return { kind: 'write', next: { status: 'requested', reason, requestedAt: now, goodsDueBy: window.goodsDueBy } };
}

export type ReturnStep =
  | { readonly kind: 'accept' }
  | { readonly kind: 'decline'; readonly reason: string }
  | { readonly kind: 'receive'; readonly condition: ReturnCondition };

/** Where each step may start from. */
const STEP_FROM: Readonly<Record<ReturnStep['kind'], ReturnStatus>> = { accept: 'requested', decline: 'requested', receive: 'accepted' };

/**
 * The pavilion's steps: accept or decline a requested return, then mark accepted goods received (the
 * caller then asks for the line's refund in the same transaction: refund.ts decideReturnRefund).
 */
export function decideReturnStep(line: OrderLine, step: ReturnStep, now: string): ReturnDecision {
  const current = line.returnRequest;
  if (!current) return { kind: 'refused', refusal: { reason: 'no_return', lineNo: line.lineNo } };
  if (current.status !== STEP_FROM[step.kind]) {
    return { kind: 'refused', refusal: { reason: 'return_not_in_step', lineNo: line.lineNo, status: current.status, step: step.kind } };
  }
  switch (step.kind) {
    case 'accept':
      return { kind: 'write', next: { ...current, status: 'accepted', decidedAt: now } };
    case 'decline':
      return { kind: 'write', next: { ...current, status: 'declined', decidedAt: now, declineReason: step.reason } };
    case 'receive':
      if (!openForRefund(line)) return { kind: 'refused', refusal: { reason: 'line_refunded', lineNo: line.lineNo, status: line.refund!.status } };
      return { kind: 'write', next: { ...current, status: 'received', receivedAt: now, condition: step.condition } };
  }
}
