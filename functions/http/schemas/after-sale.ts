import { z } from '@hono/zod-openapi';
import { ORDER_ID, ORDER_STATUSES } from '../../domain/order.js';
import { PAVILION_REFUND_REASONS, REFUND_CAUSES, REFUND_STATUSES } from '../../domain/refund.js';
import { RETURN_CONDITIONS, RETURN_STATUSES } from '../../domain/returns.js';
import { MoneySchema } from './catalogue.js';
import { CursorQuery, pageLimit } from './page.js';

/** Refunds and returns as the order page, the pavilion queue and the operators see them (domain/refund.ts, domain/returns.ts). */

const words = (min: number, max: number, what: string) => z.string().trim().min(min, `at least ${min} characters: ${what}`).max(max, `at most ${max} characters`);

export const RefundStatusSchema = z.enum(REFUND_STATUSES).openapi('RefundStatus', {
  description: 'requested: asked of the payment provider, not confirmed yet; succeeded: the money is on its way back; failed: it did not go through (an operator resolves it)',
});

export const LineRefundSchema = z
  .object({
    refundId: z.string(),
    status: RefundStatusSchema,
    cause: z.enum(REFUND_CAUSES),
    amount: MoneySchema.openapi({ description: 'The line’s goods plus its shares of freight and tax, in the order’s currency' }),
    requestedAt: z.string(),
    settledAt: z.string().nullable(),
  })
  .openapi('LineRefund');

export const LineReturnSchema = z
  .object({
    status: z.enum(RETURN_STATUSES),
    reason: z.string(),
    requestedAt: z.string(),
    goodsDueBy: z.string().openapi({ description: 'The goods should be back at the pavilion by then (45 days after estimated clearance)' }),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    receivedAt: z.string().nullable(),
    condition: z.enum(RETURN_CONDITIONS).nullable(),
  })
  .openapi('LineReturn');

export const RefundSchema = z
  .object({
    refundId: z.string(),
    status: RefundStatusSchema,
    cause: z.enum(REFUND_CAUSES),
    amount: MoneySchema,
    lines: z.array(z.object({ lineNo: z.number().int(), amount: MoneySchema })),
    requestedAt: z.string(),
    settledAt: z.string().nullable(),
  })
  .openapi('Refund');

export const ReturnRequestSchema = z
  .object({ reason: words(3, 500, 'why the goods go back') })
  .strict()
  .openapi('ReturnRequest');

export const PavilionRefundRequestSchema = z
  .object({
    reason: z.enum(PAVILION_REFUND_REASONS).openapi({
      description: 'out_of_stock and damaged: the units do not go back on sale; other: they go back to stock once the refund is confirmed',
    }),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('PavilionRefundRequest');

export const ReturnDeclineSchema = z
  .object({ reason: words(3, 500, 'why the return is declined') })
  .strict()
  .openapi('ReturnDecline');

export const ReturnReceivedSchema = z
  .object({
    condition: z.enum(RETURN_CONDITIONS).openapi({ description: 'resellable: the units go back to stock once the refund is confirmed; damaged: they do not' }),
  })
  .strict()
  .openapi('ReturnReceived');

export const OperatorRefundRequestSchema = z
  .object({
    lineNo: z.number().int().min(1).max(999).optional().openapi({ description: 'One line; omit to refund every line not refunded yet' }),
    reason: words(3, 500, 'why the money goes back (kept in the audit record)'),
    restock: z.boolean().optional().openapi({ description: 'For lines not shipped: false keeps their units off sale. Shipped lines never go back to stock.' }),
  })
  .strict()
  .openapi('OperatorRefundRequest');

export const OperatorRefundSchema = RefundSchema.extend({
  orderId: z.string(),
  reason: z.string(),
  requestedBy: z.object({ role: z.enum(['shopper', 'pavilion', 'operator']), subject: z.string().nullable(), pavilion: z.string().nullable() }),
  allowanceBack: MoneySchema.openapi({ description: 'CNY the buyer’s yearly allowance gets back once the refund succeeds' }),
  providerRefundId: z.string().nullable(),
  failureReason: z.string().nullable(),
}).openapi('OperatorRefund');

export const OperatorRefundAnswerSchema = z
  .object({
    refund: OperatorRefundSchema,
    order: z.object({ orderId: z.string(), status: z.enum(ORDER_STATUSES), total: MoneySchema, refunded: MoneySchema }),
  })
  .openapi('OperatorRefundAnswer');

export const OperatorOrderParams = z.object({
  id: z.string().regex(ORDER_ID, 'an order id such as ORD-…').openapi({ param: { name: 'id', in: 'path' } }),
});

export const FailedRefundsQuery = z
  .object({
    status: z.literal('failed').openapi({ description: 'Only failed refunds are listed (the ones an operator must resolve)' }),
    limit: pageLimit(50),
    cursor: CursorQuery,
  })
  .strict();
