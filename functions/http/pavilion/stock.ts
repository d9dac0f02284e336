import { createRoute, z } from '@hono/zod-openapi';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { changeStock, stockHistory } from '../../usecases/pavilion/stock.js';
import { problemResponses } from '../problem-responses.js';
import { createRouter } from '../router.js';
import { ListingIdParam, ListingSchema } from '../schemas/listing.js';
import { StockChangeSchema, StockMovementSchema } from '../schemas/stock.js';
import { SECURITY, type ManagerEnv } from './auth.js';
import { toListing } from './listing-view.js';

const changeStockRoute = createRoute({
  method: 'post', path: '/{id}/stock', tags: ['Pavilion'], security: SECURITY,
  summary: 'Adds or removes units (delta), or sets the counted units on hand, with a reason',
  description: 'On hand = free stock + units reserved by checkouts awaiting payment; it can never be set below what is reserved (409).',
  request: { params: ListingIdParam, body: { content: { 'application/json': { schema: StockChangeSchema } }, required: true } },
  responses: {
    200: { description: 'The listing after the change', content: { 'application/json': { schema: ListingSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const stockHistoryRoute = createRoute({
  method: 'get', path: '/{id}/stock', tags: ['Pavilion'], security: SECURITY,
  summary: "The listing's latest stock movements, newest first",
  request: { params: ListingIdParam },
  responses: {
    200: { description: 'Movements', content: { 'application/json': { schema: z.object({ items: z.array(StockMovementSchema) }) } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** /pavilion/listings/{id}/stock: a listing's units on hand and their history. */
export function stockRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();

  app.openapi(changeStockRoute, async (c) => {
    const { onHand, delta, reason, note } = c.req.valid('json');
    const change = onHand !== undefined ? { kind: 'set' as const, onHand } : { kind: 'adjust' as const, delta: delta ?? 0 };
    const product = await changeStock(deps, c.get('manager'), c.req.valid('param').id, { change, reason, ...(note ? { note } : {}) });
    return c.json(toListing(product), 200);
  });

  app.openapi(stockHistoryRoute, async (c) => {
    const items = await stockHistory(deps, c.get('manager'), c.req.valid('param').id);
    return c.json({ items: [...items] }, 200);
  });

  return app;
}
