import { createRoute, type z } from '@hono/zod-openapi';
import type { OrderLine } from '../domain/order.js';
import type { StoredOrder } from '../ports/order-store.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { orderForShopper } from '../usecases/shopper-order.js';
import { ProblemError, problemResponses } from './problem.js';
import { createRouter } from './router.js';
import { OrderHeaders, OrderParams, OrderQuery, OrderSchema } from './schemas/checkout.js';

const getOrder = createRoute({
  method: 'get',
  path: '/orders/{id}',
  tags: ['Checkout'],
  summary: 'An order’s status and lines, for the shopper who holds its token',
  description:
    'Send the order token in the x-order-token header. The ?token= query parameter is deprecated and will be removed in the next release: query strings are kept in access logs.',
  request: { params: OrderParams, query: OrderQuery, headers: OrderHeaders },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: OrderSchema } } },
    ...problemResponses(400, 404),
  },
});

export function createOrderApp(deps: Pick<ShopDeps, 'orders'>) {
  const app = createRouter();

  app.openapi(getOrder, async (c) => {
    const { id } = c.req.valid('param');
    // The header is the way; ?token= is still read for one release (links already in emails and tabs).
    const token = c.req.valid('header')['x-order-token'] ?? c.req.valid('query').token;
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
    return c.json(orderView(stored), 200);
  });

  return app;
}

/** What the shopper sees: no email, no token hash, no internal notes. */
export function orderView({ order, lines }: StoredOrder): z.infer<typeof OrderSchema> {
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
    lines: lines.map(lineView),
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt ?? null,
  };
}

function lineView(line: OrderLine) {
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
  };
}
