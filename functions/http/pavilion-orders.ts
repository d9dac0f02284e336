import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { OrderLine } from '../domain/order.js';
import { InvalidCursorError } from '../ports/catalogue-store.js';
import { ShipmentRefused } from '../ports/pavilion-orders-store.js';
import type { ManagerEnv } from './pavilion-auth.js';
import { nowIso } from './pavilion-common.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { SECURITY } from './pavilion-listings.js';
import { ProblemError, problemResponses } from './problem.js';
import { OrderLineParams, OrderLineSchema, OrderQueueQuery, ShipmentSchema } from './schemas/listing.js';

const queue = createRoute({
  method: 'get', path: '/orders', tags: ['Pavilion'], security: SECURITY,
  summary: "The pavilion's paid order lines, newest payment first",
  request: { query: OrderQueueQuery },
  responses: {
    200: {
      description: 'A page of lines',
      content: { 'application/json': { schema: z.object({ items: z.array(OrderLineSchema), nextCursor: z.string().nullable() }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const ship = createRoute({
  method: 'post', path: '/orders/{orderId}/lines/{lineNo}/shipment', tags: ['Pavilion'], security: SECURITY,
  summary: 'Marks a paid line shipped, with carrier and tracking number (the shopper’s order page shows them)',
  request: { params: OrderLineParams, body: { content: { 'application/json': { schema: ShipmentSchema } }, required: true } },
  responses: {
    200: { description: 'The line, shipped', content: { 'application/json': { schema: OrderLineSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** What the pavilion sees of a line: its goods and its own price; the shopper's charge stays with the order. */
function forPavilion(line: OrderLine) {
  const { chargedUnitPrice, ...visible } = line;
  return { ...visible, title: { ...visible.title } };
}

export function registerOrderRoutes(app: OpenAPIHono<ManagerEnv>, deps: PavilionDeps) {
  app.openapi(queue, async (c) => {
    const { fulfilment, limit, cursor } = c.req.valid('query');
    try {
      const page = await deps.pavilionOrders.linesToFulfil({ pavilion: c.get('manager').pavilion, fulfilment, limit, cursor });
      return c.json({ items: page.items.map(forPavilion), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new ProblemError(400, 'Invalid cursor', { errors: [{ field: 'cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(ship, async (c) => {
    const { orderId, lineNo } = c.req.valid('param');
    const { carrier, trackingNumber } = c.req.valid('json');
    try {
      const line = await deps.pavilionOrders.markShipped({
        orderId, lineNo, pavilion: c.get('manager').pavilion, carrier, trackingNumber, shippedAt: nowIso(deps),
      });
      return c.json(forPavilion(line), 200);
    } catch (error) {
      if (!(error instanceof ShipmentRefused)) throw error;
      if (error.reason === 'missing') throw new ProblemError(404, 'No such order line', { detail: `Order ${orderId} has no line ${lineNo}.` });
      if (error.reason === 'not_yours') throw new ProblemError(403, 'Not your order line', { detail: 'This line is another pavilion’s to ship.' });
      const state = error.current?.fulfilment;
      throw new ProblemError(409, state === 'shipped' ? 'This line has shipped already' : 'This line is not paid yet', {
        detail: state === 'shipped' ? `It left with ${error.current?.carrier}, tracking ${error.current?.trackingNumber}.` : 'Only paid lines can be shipped.',
      });
    }
  });
}
