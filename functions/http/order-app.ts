import { createRoute, type z } from '@hono/zod-openapi';
import type { OrderLine } from '../domain/order.js';
import type { StoredOrder } from '../ports/order-store.js';
import { sameDigest, sha256Hex } from '../usecases/secrets.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { ProblemError, problemResponses } from './problem.js';
import { createRouter } from './router.js';
import { OrderParams, OrderQuery, OrderSchema } from './schemas/checkout.js';

const getOrder = createRoute({
  method: 'get',
  path: '/orders/{id}',
  tags: ['Checkout'],
  summary: 'An order’s status and lines, for the shopper who holds its token',
  request: { params: OrderParams, query: OrderQuery },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: OrderSchema } } },
    ...problemResponses(400, 404),
  },
});

export function createOrderApp(deps: Pick<ShopDeps, 'orders'>) {
  const app = createRouter();

  app.openapi(getOrder, async (c) => {
    const { id } = c.req.valid('param');
    const { token } = c.req.valid('query');
    const stored = await deps.orders.get(id);
    // A wrong token looks exactly like a missing order: the answer never confirms an id exists.
    if (!stored || !sameDigest(stored.order.tokenHash, await sha256Hex(token))) {
      throw new ProblemError(404, 'No such order', { detail: 'Check the link from your confirmation page.' });
    }
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
