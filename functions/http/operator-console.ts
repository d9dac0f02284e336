import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import type { AttentionItem, HistoryEntry } from '../domain/operator-console.js';
import { needsAttention, orderFile, ordersByEmail, ShopperSearchUnavailableError, type OrderFile } from '../usecases/operator-console.js';
import { jsonBodyGuard } from './body-guards.js';
import type { OperatorEnv } from './operator-auth.js';
import { OPERATOR_SECURITY } from './operator-customs.js';
import type { OperatorDeps } from './operator-deps.js';
import { ProblemError } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { lineRefundView, lineReturnView, operatorRefundView } from './refund-view.js';
import { OperatorOrderParams } from './schemas/after-sale.js';
import {
  AttentionAnswerSchema,
  OperatorOrderFileSchema,
  OrderSearchAnswerSchema,
  OrderSearchRequestSchema,
  type AttentionItemSchema,
  type HistoryEntrySchema,
} from './schemas/operator-console.js';

const attention = createRoute({
  method: 'get', path: '/attention', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'What waits for an operator, newest first, each with what to do',
  description:
    'Orders in paid_needs_attention, refunds that failed and were not retried, payments still pending after their Checkout Session ended, and Stripe events refused because they did not match their order (kept 90 days).',
  responses: {
    200: { description: 'The items', content: { 'application/json': { schema: AttentionAnswerSchema } } },
    ...problemResponses(401, 403),
  },
});

const search = createRoute({
  method: 'post', path: '/orders/search', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'A shopper’s orders by their email, newest first',
  description:
    'Found under a keyed hash (HMAC-SHA256) of the lower-cased address: the table holds no email in a key. The email goes in the body, so no access log records it. Orders placed before the hash was kept are found by id only.',
  request: { body: { required: true, content: { 'application/json': { schema: OrderSearchRequestSchema } } } },
  responses: {
    200: { description: 'The orders (none is an empty list)', content: { 'application/json': { schema: OrderSearchAnswerSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 503),
  },
});

const file = createRoute({
  method: 'get', path: '/orders/{id}', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'An order with its lines, refunds and whole history (status changes, shipments, returns, refunds, operators’ actions, refused events, mails)',
  request: { params: OperatorOrderParams },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: OperatorOrderFileSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

function attentionView(item: AttentionItem): z.infer<typeof AttentionItemSchema> {
  return {
    kind: item.kind,
    orderId: item.orderId,
    since: item.since,
    action: item.action,
    reason: item.kind === 'order_needs_attention' ? (item.reason ?? null) : item.kind === 'refund_failed' ? (item.failureReason ?? null) : null,
    refundId: item.kind === 'refund_failed' ? item.refundId : null,
    amount: item.kind === 'refund_failed' ? item.amount : item.kind === 'payment_stuck' ? item.total : null,
    lineNos: item.kind === 'refund_failed' ? [...item.lineNos] : [],
    eventId: item.kind === 'webhook_refused' ? item.eventId : null,
    eventType: item.kind === 'webhook_refused' ? item.eventType : null,
    mismatch: item.kind === 'webhook_refused' ? item.mismatch : null,
  };
}

const historyView = (entry: HistoryEntry): z.infer<typeof HistoryEntrySchema> => ({
  at: entry.at, kind: entry.kind, by: entry.by ?? null, lineNo: entry.lineNo ?? null, detail: entry.detail ?? null,
});

/** An allow-list: no ID number (sealed or masked), no recipient; those are the customs document's. */
function fileView(found: OrderFile): z.infer<typeof OperatorOrderFileSchema> {
  const { order } = found;
  return {
    orderId: order.orderId,
    status: order.status,
    language: order.language,
    email: order.email,
    total: order.total,
    refunded: order.refunded ?? { amount: 0, currency: order.currency },
    createdAt: order.createdAt,
    paidAt: order.paidAt ?? null,
    attention: order.attention ?? null,
    lines: found.lines.map((line) => ({
      lineNo: line.lineNo,
      pavilion: line.pavilion,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      charged: { amount: line.chargedUnitPrice.amount * line.quantity, currency: line.chargedUnitPrice.currency },
      fulfilment: line.fulfilment,
      carrier: line.carrier ?? null,
      trackingNumber: line.trackingNumber ?? null,
      shippedAt: line.shippedAt ?? null,
      refund: lineRefundView(line.refund),
      return: lineReturnView(line.returnRequest),
    })),
    refunds: found.refunds.map(operatorRefundView),
    history: found.history.map(historyView),
    mailsKnown: found.mailsKnown,
  };
}

/** /api/operator/attention and /api/operator/orders[/{id}], behind requireOperator (operator-app.ts). */
export function registerConsoleRoutes(app: OpenAPIHono<OperatorEnv>, deps: OperatorDeps) {
  app.openapi(attention, async (c) => c.json({ items: (await needsAttention(deps)).map(attentionView) }, 200));

  app.use('/orders/search', jsonBodyGuard(1024));
  app.openapi(search, async (c) => {
    const { email } = c.req.valid('json');
    try {
      return c.json({ items: [...(await ordersByEmail(deps, email))] }, 200);
    } catch (error) {
      if (error instanceof ShopperSearchUnavailableError) throw new ProblemError(503, 'Finding orders by email is not set up here', { detail: error.message });
      throw error;
    }
  });

  app.openapi(file, async (c) => {
    const { id } = c.req.valid('param');
    const found = await orderFile(deps, id);
    if (!found) throw new ProblemError(404, 'No such order', { detail: `There is no order ${id}.` });
    return c.json(fileView(found), 200);
  });
}
