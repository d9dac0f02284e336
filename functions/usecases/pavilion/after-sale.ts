import type { OrderLine } from '../../domain/order.js';
import { decidePavilionRefund, decideReturnRefund, type PavilionRefundReason, type RefundRefusal, type RequestContext } from '../../domain/refund.js';
import { decideReturnStep, type ReturnRefusal, type ReturnStep } from '../../domain/returns.js';
import { OrderChangedError, type StoredOrder } from '../../ports/order-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import { newRefundId } from '../ids.js';
import { carryOutRefund, MAX_ATTEMPTS, nowOf } from '../refunds.js';
import type { PavilionDeps } from './deps.js';
import { PavilionRefusedError } from './refusal.js';

/**
 * A pavilion's side of after-sale: refunding a line it cannot ship, and the returns of its shipped
 * lines. Like shipping, only the line's own pavilion (from the verified token) may act on it, and
 * the store writes under that condition too.
 */

/** The line's order, read whole (its refunds too); a line of another pavilion is refused and shows nothing. */
async function ownLine(deps: Pick<PavilionDeps, 'orders'>, manager: Manager, orderId: string, lineNo: number): Promise<{ stored: StoredOrder; line: OrderLine }> {
  const stored = await deps.orders.get(orderId);
  const line = stored?.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!stored || !line) throw new PavilionRefusedError({ reason: 'no_such_order_line', orderId, lineNo });
  if (line.pavilion !== manager.pavilion) throw new PavilionRefusedError({ reason: 'not_your_order_line' });
  return { stored, line };
}

function context(deps: Pick<PavilionDeps, 'clock'>, manager: Manager): RequestContext {
  return { refundId: newRefundId(), now: nowOf(deps), actor: { role: 'pavilion', pavilion: manager.pavilion, subject: manager.subject } };
}

function refundRefused(refusal: RefundRefusal, orderId: string): PavilionRefusedError {
  if (refusal.reason === 'no_such_line') return new PavilionRefusedError({ reason: 'no_such_order_line', orderId, lineNo: refusal.lineNo });
  return new PavilionRefusedError({ reason: 'refund_refused', refusal });
}

function returnRefused(refusal: ReturnRefusal, orderId: string): PavilionRefusedError {
  if (refusal.reason === 'no_such_line') return new PavilionRefusedError({ reason: 'no_such_order_line', orderId, lineNo: refusal.lineNo });
  return new PavilionRefusedError({ reason: 'return_refused', refusal });
}

/**
 * Refunds one of the pavilion's unshipped lines (out of stock, damaged, or another reason), with its
 * share of freight and tax (domain/refund.ts decidePavilionRefund). The line stops shipping at once;
 * the refund counts when the provider confirms it.
 */
export async function refundLine(
  deps: PavilionDeps,
  manager: Manager,
  request: { readonly orderId: string; readonly lineNo: number; readonly reason: PavilionRefundReason; readonly note?: string },
): Promise<OrderLine> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { stored } = await ownLine(deps, manager, request.orderId, request.lineNo);
    const decision = decidePavilionRefund(stored, request.lineNo, request.reason, request.note, context(deps, manager));
    if (decision.kind === 'refused') throw refundRefused(decision.refusal, request.orderId);
    try {
      await carryOutRefund(deps, stored.order, decision.plan, { pavilion: manager.pavilion });
    } catch (error) {
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
    return (await ownLine(deps, manager, request.orderId, request.lineNo)).line;
  }
  throw new Error(`Order ${request.orderId} kept changing while line ${request.lineNo} was refunded`);
}

/**
 * A step of a line's return (domain/returns.ts): accept or decline what the shopper asked, or mark
 * accepted goods received, which asks for the line's refund (tax included, the allowance restored)
 * in the same transaction that records them received.
 */
export async function stepReturn(deps: PavilionDeps, manager: Manager, request: { readonly orderId: string; readonly lineNo: number; readonly step: ReturnStep }): Promise<OrderLine> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { stored, line } = await ownLine(deps, manager, request.orderId, request.lineNo);
    const now = nowOf(deps);
    const decision = decideReturnStep(line, request.step, now);
    if (decision.kind === 'refused') throw returnRefused(decision.refusal, request.orderId);
    try {
      if (request.step.kind === 'receive') {
        const received = { ...decision.next, condition: request.step.condition };
        const refund = decideReturnRefund(stored, request.lineNo, received, { ...context(deps, manager), now });
        if (refund.kind === 'refused') throw refundRefused(refund.refusal, request.orderId);
        await carryOutRefund(deps, stored.order, refund.plan, { pavilion: manager.pavilion });
      } else {
        await deps.refunds.writeReturn(request.orderId, request.lineNo, decision.next, { was: line.returnRequest, pavilion: manager.pavilion });
        deps.telemetry.info('return step', { orderId: request.orderId, lineNo: request.lineNo, step: request.step.kind, pavilion: manager.pavilion });
      }
    } catch (error) {
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
    return (await ownLine(deps, manager, request.orderId, request.lineNo)).line;
  }
  throw new Error(`Order ${request.orderId} kept changing while line ${request.lineNo}'s return moved on`);
}
