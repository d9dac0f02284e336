import type { z } from '@hono/zod-openapi';
import type { LineRefund, Refund } from '../domain/refund.js';
import type { LineReturn } from '../domain/returns.js';
import type { LineRefundSchema, LineReturnSchema, OperatorRefundSchema, RefundSchema } from './schemas/after-sale.js';

/** Refunds and returns as answers show them, field by field (an allow-list: a field added later stays private until named here). */

export function lineRefundView(refund: LineRefund | undefined): z.infer<typeof LineRefundSchema> | null {
  if (!refund) return null;
  return { refundId: refund.refundId, status: refund.status, cause: refund.cause, amount: refund.amount, requestedAt: refund.requestedAt, settledAt: refund.settledAt ?? null };
}

export function lineReturnView(line: LineReturn | undefined): z.infer<typeof LineReturnSchema> | null {
  if (!line) return null;
  return {
    status: line.status,
    reason: line.reason,
    requestedAt: line.requestedAt,
    goodsDueBy: line.goodsDueBy,
    decidedAt: line.decidedAt ?? null,
    declineReason: line.declineReason ?? null,
    receivedAt: line.receivedAt ?? null,
    condition: line.condition ?? null,
  };
}

/** What the shopper sees of a refund: no one's subject, no provider ids. */
export function refundView(refund: Refund): z.infer<typeof RefundSchema> {
  return {
    refundId: refund.refundId,
    status: refund.status,
    cause: refund.cause,
    amount: refund.amount,
    lines: refund.lines.map((line) => ({ lineNo: line.lineNo, amount: line.amount })),
    requestedAt: refund.requestedAt,
    settledAt: refund.succeededAt ?? refund.failedAt ?? null,
  };
}

/** What operators see: who asked (opaque subjects), why, and what the provider said. */
export function operatorRefundView(refund: Refund): z.infer<typeof OperatorRefundSchema> {
  const by = refund.requestedBy;
  return {
    ...refundView(refund),
    orderId: refund.orderId,
    reason: refund.reason,
    requestedBy: { role: by.role, subject: by.role === 'shopper' ? null : by.subject, pavilion: by.role === 'pavilion' ? by.pavilion : null },
    allowanceBack: refund.allowanceBack,
    providerRefundId: refund.providerRefundId ?? null,
    failureReason: refund.failureReason ?? null,
  };
}
