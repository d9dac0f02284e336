import { z } from '@hono/zod-openapi';
import { PAVILION_ACTIONS } from '../../domain/audit.js';
import { ATTENTION_ACTIONS } from '../../domain/operator-console.js';
import { ORDER_STATUSES, LINE_FULFILMENTS } from '../../domain/order.js';
import { PAVILION_CODE } from '../../domain/pavilion.js';
import { LineRefundSchema, LineReturnSchema, OperatorRefundSchema } from './after-sale.js';
import { MoneySchema } from './catalogue.js';

/** The operator console's answers and requests (http/operator-console.ts, http/operator-pavilions.ts). */

export const AttentionItemSchema = z
  .object({
    kind: z.enum(['order_needs_attention', 'refund_failed', 'payment_stuck', 'webhook_refused']),
    orderId: z.string(),
    since: z.string().openapi({ description: 'When it began: paid, failed, the reservation lapsed, the event was refused' }),
    action: z.enum(ATTENTION_ACTIONS).openapi({ description: 'What the operator should do (the console says it in zh, ru and en)' }),
    reason: z.string().nullable().openapi({ description: 'paid_needs_attention: stock_gone or allowance_gone; a failed refund: the provider’s reason' }),
    refundId: z.string().nullable(),
    amount: MoneySchema.nullable(),
    lineNos: z.array(z.number().int()),
    eventId: z.string().nullable(),
    eventType: z.string().nullable(),
    mismatch: z.string().nullable().openapi({ description: 'A refused event: session, currency or amount' }),
  })
  .openapi('AttentionItem');

export const AttentionAnswerSchema = z.object({ items: z.array(AttentionItemSchema) }).openapi('NeedsAttention');

/** In a body, never the query string: an address in a URL would reach CloudFront's and API Gateway's access logs. */
export const OrderSearchRequestSchema = z
  .object({
    email: z.string().trim().email('an email address').max(254).openapi({ description: 'The shopper’s email; matched through a keyed hash, case does not matter' }),
  })
  .strict()
  .openapi('OperatorOrderSearchRequest');

export const OrderSummarySchema = z
  .object({ orderId: z.string(), status: z.enum(ORDER_STATUSES), total: MoneySchema, createdAt: z.string() })
  .openapi('OperatorOrderSummary');

export const OrderSearchAnswerSchema = z.object({ items: z.array(OrderSummarySchema) }).openapi('OperatorOrderSearch');

export const HistoryEntrySchema = z
  .object({
    at: z.string(),
    kind: z.string().openapi({ description: 'placed, paid, needs_attention, closed, cancelled, shipped, return_*, refund_*, operator_action, webhook_refused, mail_sent' }),
    by: z.string().nullable().openapi({ description: 'shopper, a pavilion code, an operator’s subject, provider or system' }),
    lineNo: z.number().int().nullable(),
    detail: z.string().nullable(),
  })
  .openapi('OrderHistoryEntry');

export const OperatorOrderFileSchema = z
  .object({
    orderId: z.string(),
    status: z.enum(ORDER_STATUSES),
    language: z.enum(['zh', 'ru', 'en']),
    email: z.string().openapi({ description: 'The shopper’s email (operators answer them)' }),
    total: MoneySchema,
    refunded: MoneySchema,
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    attention: z.string().nullable(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        pavilion: z.string(),
        sku: z.string(),
        title: z.object({ zh: z.string(), ru: z.string(), en: z.string() }),
        quantity: z.number().int(),
        charged: MoneySchema.openapi({ description: 'Unit price charged times quantity, in the order’s currency' }),
        fulfilment: z.enum(LINE_FULFILMENTS),
        carrier: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        shippedAt: z.string().nullable(),
        refund: LineRefundSchema.nullable(),
        return: LineReturnSchema.nullable(),
      }),
    ),
    refunds: z.array(OperatorRefundSchema),
    history: z.array(HistoryEntrySchema),
    mailsKnown: z.boolean().openapi({ description: 'Whether mails appear in the history (false: this deployment cannot list an order’s mails)' }),
  })
  .openapi('OperatorOrderFile');

export const PavilionParams = z.object({
  code: z.string().regex(PAVILION_CODE, 'a two-letter pavilion code such as KG').openapi({ param: { name: 'code', in: 'path' }, example: 'KG' }),
});

export const PavilionActionSchema = z
  .object({
    actionId: z.string(),
    pavilion: z.string(),
    operator: z.string(),
    at: z.string(),
    action: z.enum(PAVILION_ACTIONS),
    reason: z.string().nullable(),
    invitee: z.string().nullable().openapi({ description: 'The invited email, masked' }),
  })
  .openapi('PavilionAction');

export const OperatorPavilionSchema = z
  .object({
    code: z.string(),
    name: z.object({ zh: z.string(), ru: z.string(), en: z.string() }),
    flag: z.string(),
    status: z.enum(['active', 'suspended']),
    suspension: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
    actions: z.array(PavilionActionSchema),
  })
  .openapi('OperatorPavilion');

export const PavilionListSchema = z.object({ items: z.array(OperatorPavilionSchema) }).openapi('OperatorPavilions');

export const InviteRequestSchema = z
  .object({ email: z.string().trim().email('an email address').max(254) })
  .strict()
  .openapi('ManagerInvitation');

export const SuspensionRequestSchema = z
  .object({ reason: z.string().trim().min(3, 'at least 3 characters').max(500) })
  .strict()
  .openapi('PavilionSuspensionRequest');

export const PavilionActionAnswerSchema = z.object({ action: PavilionActionSchema }).openapi('PavilionActionAnswer');
