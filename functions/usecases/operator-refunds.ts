import type { OperatorAction } from '../domain/audit.js';
import { decideOperatorRefund, type OperatorRefundRequest, type Refund, type RefundRefusal } from '../domain/refund.js';
import { OrderChangedError, type StoredOrder } from '../ports/order-store.js';
import type { FailedRefundsPage } from '../ports/refund-store.js';
import { newRefundId } from './ids.js';
import { carryOutRefund, MAX_ATTEMPTS, nowOf, type RefundDeps } from './refunds.js';

export type OperatorRefundRefusal = RefundRefusal | { readonly reason: 'no_such_order' };

export class OperatorRefundRefusedError extends Error {
  constructor(readonly refusal: OperatorRefundRefusal) {
    super(`Refund refused: ${refusal.reason}`);
    this.name = 'OperatorRefundRefusedError';
  }
}

/**
 * An operator refunds an order or one of its lines, with a reason (domain/refund.ts
 * decideOperatorRefund). Who did it and when is recorded with the order in the same transaction as
 * the refund request (domain/audit.ts). Answers the refund as asked for and the order as it is now.
 */
export async function refundByOperator(
  deps: RefundDeps,
  operator: string,
  orderId: string,
  request: OperatorRefundRequest,
): Promise<{ readonly refund: Refund; readonly stored: StoredOrder }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.orders.get(orderId);
    if (!stored) throw new OperatorRefundRefusedError({ reason: 'no_such_order' });
    const now = nowOf(deps);
    const refundId = newRefundId();
    const decision = decideOperatorRefund(stored, request, { refundId, now, actor: { role: 'operator', subject: operator } });
    if (decision.kind === 'refused') throw new OperatorRefundRefusedError(decision.refusal);
    const audit: OperatorAction = {
      actionId: refundId, orderId, operator, at: now, action: 'refund', refundId, reason: request.reason,
      ...(request.lineNo !== undefined ? { lineNo: request.lineNo } : {}),
    };
    try {
      await carryOutRefund(deps, stored.order, decision.plan, { audit });
    } catch (error) {
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
    deps.telemetry.info('operator refund', { orderId, refundId, operator, lineNo: request.lineNo });
    const after = (await deps.orders.get(orderId))!;
    return { refund: after.refunds.find((refund) => refund.refundId === refundId) ?? decision.plan.refund, stored: after };
  }
  throw new Error(`Order ${orderId} kept changing while an operator refunded it`);
}

/** Failed refunds no later refund has replaced, most recent first: what operators must resolve. */
export function failedRefunds(deps: Pick<RefundDeps, 'refunds'>, limit: number, cursor?: string): Promise<FailedRefundsPage> {
  return deps.refunds.listFailed(limit, cursor);
}
