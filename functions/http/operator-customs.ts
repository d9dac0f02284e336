import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { customsDocument } from '../usecases/customs-document.js';
import { customsCsv } from './customs-csv.js';
import type { OperatorEnv } from './operator-auth.js';
import type { OperatorDeps } from './operator-deps.js';
import { ProblemError } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { CustomsDocumentSchema, CustomsParams, CustomsQuery } from './schemas/customs.js';

export const OPERATOR_SECURITY = [{ OperatorToken: [] }];

const getCustomsDocument = createRoute({
  method: 'get', path: '/orders/{orderId}/customs', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'The customs order document of a paid order, the buyer’s ID number in full',
  description:
    'The order side of the three-document match (GACC Announcement 2018 No. 194): buyer, recipient, each line’s HS code and CNY figures, the tax withheld, and the Stripe payment. Only for paid orders (409 otherwise). Operators only: managers get 403. Every read is logged with the operator’s subject and the order id.',
  request: { params: CustomsParams, query: CustomsQuery },
  responses: {
    200: {
      description: 'The document (JSON, or CSV with ?format=csv)',
      content: { 'application/json': { schema: CustomsDocumentSchema }, 'text/csv': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerCustomsRoutes(app: OpenAPIHono<OperatorEnv>, deps: OperatorDeps) {
  app.openapi(getCustomsDocument, async (c) => {
    const { orderId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const result = await customsDocument(deps, orderId, { operator: c.get('operator').subject, format });
    if (result.kind === 'missing') throw new ProblemError(404, 'No such order', { detail: `There is no order ${orderId}.` });
    if (result.kind === 'unpaid') {
      throw new ProblemError(409, 'The order is not paid', {
        detail: `Order ${orderId} is ${result.status}: only paid orders cross the border, so only they have a customs document.`,
        orderStatus: result.status,
      });
    }
    if (result.kind === 'not_declarable') {
      throw new ProblemError(409, 'The order cannot be declared', {
        detail:
          result.reason === 'over_yearly_limit'
            ? `Order ${orderId} was paid after the buyer’s yearly cross-border limit was used up: refund it, it cannot be declared as a cross-border retail import.`
            : `Order ${orderId} was placed before checkout asked for the recipient and the buyer: it holds nothing to declare.`,
        reason: result.reason,
      });
    }
    if (format === 'csv') {
      c.header('content-disposition', `attachment; filename="customs-${orderId}.csv"`);
      // A BOM so spreadsheet programs open the Chinese text as UTF-8.
      return c.body(`\uFEFF${customsCsv(result.document)}`, 200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    return c.json(result.document, 200);
  });
}
