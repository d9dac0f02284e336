import { createRoute, type z } from '@hono/zod-openapi';
import type { OrderLine } from '../domain/order.js';
import { openForRefund } from '../domain/refund.js';
import { returnWindow } from '../domain/returns.js';
import type { StoredOrder } from '../ports/order-store.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { cancelOrder, requestReturn, ShopperAfterSaleRefusedError, type ShopperAfterSaleRefusal } from '../usecases/shopper-after-sale.js';
import { orderForShopper } from '../usecases/shopper-order.js';
import { afterSaleProblem } from './after-sale-problems.js';
import { jsonBodyGuard } from './body-guards.js';
import { problem, ProblemError, problemOf, type ProblemTable } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { lineRefundView, lineReturnView, refundView } from './refund-view.js';
import { createRouter } from './router.js';
import { ReturnRequestSchema } from './schemas/after-sale.js';
import { OrderHeaders, OrderLineParams, OrderParams, OrderQuery, OrderSchema, OrderTokenHeaders } from './schemas/checkout.js';

const getOrder = createRoute({
  method: 'get',
  path: '/orders/{id}',
  tags: ['Checkout'],
  summary: 'An order’s status and lines, for the shopper who holds its token',
  description:
    'Send the order token in the x-order-token header; a query string is kept in access logs, so the token is never read from one (?token= answers 400).',
  request: { params: OrderParams, query: OrderQuery, headers: OrderHeaders },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: OrderSchema } } },
    ...problemResponses(400, 404),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/orders/{id}/cancel',
  tags: ['Checkout'],
  summary: 'Cancel an order while nothing has shipped: unpaid, the reservation is released; paid, the whole order is refunded',
  description:
    'With the order token in x-order-token. A paid order becomes cancelled at once and its lines stop shipping; one refund covers every line not ' +
    'refunded before (the whole total, tax and freight included). The refund is settled by the payment provider’s event: until then it is ' +
    '`requested`, and only then do the units go back to stock and the buyer’s yearly cross-border allowance come back. Cancelling again ' +
    'answers the same order. 409 once any line has shipped (return it instead).',
  request: { params: OrderParams, headers: OrderTokenHeaders },
  responses: {
    200: { description: 'The order, cancelled', content: { 'application/json': { schema: OrderSchema } } },
    ...problemResponses(400, 404, 409, 502),
  },
});

const askReturn = createRoute({
  method: 'post',
  path: '/orders/{id}/lines/{lineNo}/return',
  tags: ['Checkout'],
  summary: 'Ask to return a shipped line, within 30 days of its customs clearance',
  description:
    'With the order token in x-order-token. Clearance is estimated as the day the line shipped plus a delivery allowance for its fulfilment mode ' +
    '(domain/returns.ts); the line’s returnableUntil says until when. The pavilion accepts or declines; once it has the goods back, the line is ' +
    'refunded in full (tax is not charged for returned goods) and the buyer’s yearly allowance is restored.',
  request: { params: OrderLineParams, headers: OrderTokenHeaders, body: { required: true, content: { 'application/json': { schema: ReturnRequestSchema } } } },
  responses: {
    200: { description: 'The order, the line’s return requested', content: { 'application/json': { schema: OrderSchema } } },
    ...problemResponses(400, 404, 409, 413, 415),
  },
});

/** The refusals only the shopper's requests have; the refund and return rules' own are answered by after-sale-problems.ts. */
const SHOPPER_PROBLEMS: ProblemTable<Extract<ShopperAfterSaleRefusal, { reason: 'no_such_order' | 'payment_in_progress' | 'provider_failed' }>> = {
  no_such_order: () => new ProblemError(404, 'No such order', { detail: 'Check the link from your confirmation page.' }),
  payment_in_progress: () =>
    new ProblemError(409, 'Your payment is being confirmed', { detail: 'The payment page was completed: wait for the payment to be confirmed, then cancel the paid order.' }),
  provider_failed: () => new ProblemError(502, 'The payment provider could not be reached', { detail: 'Nothing was cancelled. Try again in a minute.' }),
};

function shopperProblem(refusal: ShopperAfterSaleRefusal): ProblemError {
  if (refusal.reason === 'no_such_order' || refusal.reason === 'payment_in_progress' || refusal.reason === 'provider_failed') {
    const answer = problemOf(SHOPPER_PROBLEMS, refusal, undefined);
    return new ProblemError(answer.status, answer.title, { ...answer.extra, reason: refusal.reason });
  }
  return afterSaleProblem(refusal);
}

export function createOrderApp(deps: ShopDeps) {
  const app = createRouter();
  app.onError((error) => {
    if (!(error instanceof ShopperAfterSaleRefusedError)) throw error;
    const answer = shopperProblem(error.refusal);
    return problem(answer.status, answer.title, answer.extra);
  });
  app.use('/orders/:id/lines/:lineNo/return', jsonBodyGuard(4096));

  app.openapi(getOrder, async (c) => {
    const { id } = c.req.valid('param');
    const token = c.req.valid('header')['x-order-token'];
    if (!token) {
      throw new ProblemError(400, 'Order token required', {
        detail: 'Send the order token from the confirmation link in the x-order-token header.',
        errors: [{ field: 'x-order-token', message: 'required' }],
      });
    }
    const stored = await orderForShopper(deps, id, token);
    if (!stored) throw new ProblemError(404, 'No such order', { detail: 'Check the link from your confirmation page.' });
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.json(orderView(stored, deps.clock.now().toISOString()), 200);
  });

  app.openapi(cancel, async (c) => {
    const stored = await cancelOrder(deps, c.req.valid('param').id, c.req.valid('header')['x-order-token']);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.json(orderView(stored, deps.clock.now().toISOString()), 200);
  });

  app.openapi(askReturn, async (c) => {
    const { id, lineNo } = c.req.valid('param');
    const stored = await requestReturn(deps, id, c.req.valid('header')['x-order-token'], lineNo, c.req.valid('json').reason);
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.json(orderView(stored, deps.clock.now().toISOString()), 200);
  });

  return app;
}

/** What the shopper sees: no email, no token hash, no internal notes, no one's subject. */
export function orderView({ order, lines, refunds }: StoredOrder, now: string): z.infer<typeof OrderSchema> {
  return {
    orderId: order.orderId,
    status: order.status,
    currency: order.currency,
    total: order.total,
    // Orders placed before freight and tax were itemised charged goods only.
    goods: order.goods ?? order.total,
    freight: order.freight ?? { amount: 0, currency: order.currency },
    tax: order.tax ?? { amount: 0, currency: order.currency },
    dutiableValue: order.customs?.dutiableValue ?? { amount: 0, currency: 'CNY' },
    recipient: order.recipient ?? null,
    buyer: order.buyer ? { name: order.buyer.name, idNumberMasked: order.buyer.idNumberMasked } : null,
    notice: order.notice ?? null,
    subtotals: [...order.subtotals],
    rates: [...order.rates],
    lines: lines.map((line) => lineView(line, now)),
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt ?? null,
    cancelledAt: order.cancelledAt ?? null,
    refunded: order.refunded ?? { amount: 0, currency: order.currency },
    refunds: refunds.map(refundView),
  };
}

/** Until when the shopper may still ask to return the line (domain/returns.ts), or null. */
function returnableUntil(line: OrderLine, now: string): string | null {
  if (line.fulfilment !== 'shipped' || line.returnRequest || !openForRefund(line)) return null;
  const window = returnWindow(line);
  return window && now <= window.closesAt ? window.closesAt : null;
}

function lineView(line: OrderLine, now: string) {
  return {
    lineNo: line.lineNo,
    productId: line.productId,
    pavilion: line.pavilion,
    sku: line.sku,
    title: line.title,
    image: line.image ?? null,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    chargedUnitPrice: line.chargedUnitPrice,
    chargedLineTotal: { amount: line.chargedUnitPrice.amount * line.quantity, currency: line.chargedUnitPrice.currency },
    fulfilment: line.fulfilment,
    shipment:
      line.fulfilment === 'shipped'
        ? { carrier: line.carrier ?? null, trackingNumber: line.trackingNumber ?? null, shippedAt: line.shippedAt ?? null }
        : null,
    refund: lineRefundView(line.refund),
    return: lineReturnView(line.returnRequest),
    returnableUntil: returnableUntil(line, now),
  };
}
