import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { failedRefunds, OperatorRefundRefusedError, refundByOperator, type OperatorRefundRefusal } from '../usecases/operator-refunds.js';
import { afterSaleProblem } from './after-sale-problems.js';
import { jsonBodyGuard } from './body-guards.js';
import type { OperatorEnv } from './operator-auth.js';
import { OPERATOR_SECURITY } from './operator-customs.js';
import type { OperatorDeps } from './operator-deps.js';
import { ProblemError } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { operatorRefundView } from './refund-view.js';
import { pageOf } from './page-of.js';
import { FailedRefundsQuery, OperatorOrderParams, OperatorRefundAnswerSchema, OperatorRefundRequestSchema, OperatorRefundSchema } from './schemas/after-sale.js';

const refundOrder = createRoute({
  method: 'post', path: '/orders/{id}/refund', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Refund an order, or one of its lines, with a reason',
  description:
    'Every line not refunded yet (or the one named) is refunded: its goods plus its shares of freight and tax. A line whose refund failed before ' +
    'is tried again, doing what the failed one would have done. Unshipped lines stop shipping and, once the refund succeeds, go back to stock ' +
    '(unless restock is false) and give the buyer’s yearly allowance back; shipped lines only get the money back. Refunding a whole order before ' +
    'anything shipped cancels it. The operator (token subject), the time and the reason are recorded with the order in the same transaction.',
  request: { params: OperatorOrderParams, body: { required: true, content: { 'application/json': { schema: OperatorRefundRequestSchema } } } },
  responses: {
    200: { description: 'The refund as asked for, and the order', content: { 'application/json': { schema: OperatorRefundAnswerSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const listFailed = createRoute({
  method: 'get', path: '/refunds', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Refunds that failed and were not tried again, most recent first: what an operator must resolve',
  request: { query: FailedRefundsQuery },
  responses: {
    200: { description: 'A page of failed refunds', content: { 'application/json': { schema: z.object({ items: z.array(OperatorRefundSchema), nextCursor: z.string().nullable() }) } } },
    ...problemResponses(400, 401, 403),
  },
});

function operatorRefundProblem(refusal: OperatorRefundRefusal): ProblemError {
  if (refusal.reason === 'no_such_order') return new ProblemError(404, 'No such order', { reason: refusal.reason });
  return afterSaleProblem(refusal);
}

/** /api/operator/orders/{id}/refund and /api/operator/refunds, behind requireOperator (operator-app.ts). */
export function registerRefundRoutes(app: OpenAPIHono<OperatorEnv>, deps: OperatorDeps) {
  app.use('/orders/:id/refund', jsonBodyGuard(4096));

  app.openapi(refundOrder, async (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    try {
      const { refund, stored } = await refundByOperator(deps, c.get('operator').subject, id, {
        reason: request.reason,
        ...(request.lineNo !== undefined ? { lineNo: request.lineNo } : {}),
        ...(request.restock !== undefined ? { restock: request.restock } : {}),
      });
      const { order } = stored;
      return c.json(
        {
          refund: operatorRefundView(refund),
          order: { orderId: order.orderId, status: order.status, total: order.total, refunded: order.refunded ?? { amount: 0, currency: order.currency } },
        },
        200,
      );
    } catch (error) {
      if (error instanceof OperatorRefundRefusedError) throw operatorRefundProblem(error.refusal);
      throw error;
    }
  });

  app.openapi(listFailed, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(pageOf(await failedRefunds(deps, limit, cursor), operatorRefundView), 200);
  });
}
