import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { planStockChange, type StockChange } from '../domain/stock.js';
import { ListingWriteRefused } from '../ports/listing-store.js';
import type { ManagerEnv } from './pavilion-auth.js';
import { nowIso, ownListing, refusalProblem, toListing } from './pavilion-common.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { SECURITY } from './pavilion-listings.js';
import { ProblemError, problemResponses } from './problem.js';
import { ListingIdParam, ListingSchema, StockChangeSchema, StockMovementSchema } from './schemas/listing.js';

const changeStock = createRoute({
  method: 'post', path: '/listings/{id}/stock', tags: ['Pavilion'], security: SECURITY,
  summary: 'Adds or removes units (delta), or sets the counted units on hand, with a reason',
  description: 'On hand = free stock + units reserved by checkouts awaiting payment; it can never be set below what is reserved (409).',
  request: { params: ListingIdParam, body: { content: { 'application/json': { schema: StockChangeSchema } }, required: true } },
  responses: {
    200: { description: 'The listing after the change', content: { 'application/json': { schema: ListingSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const stockHistory = createRoute({
  method: 'get', path: '/listings/{id}/stock', tags: ['Pavilion'], security: SECURITY,
  summary: "The listing's latest stock movements, newest first",
  request: { params: ListingIdParam },
  responses: {
    200: { description: 'Movements', content: { 'application/json': { schema: z.object({ items: z.array(StockMovementSchema) }) } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** "Set on hand" is computed from a read; if checkout moves units in between, read and try again. */
const SET_ATTEMPTS = 3;

export function registerStockRoutes(app: OpenAPIHono<ManagerEnv>, deps: PavilionDeps) {
  app.openapi(changeStock, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const manager = c.get('manager');
    const change: StockChange = body.onHand !== undefined ? { kind: 'set', onHand: body.onHand } : { kind: 'adjust', delta: body.delta ?? 0 };
    const field = change.kind === 'set' ? 'onHand' : 'delta';

    for (let attempt = 1; ; attempt++) {
      const product = await ownListing(deps, manager, id);
      const plan = planStockChange(product, change);
      if (!plan.ok) {
        throw new ProblemError(409, plan.problem === 'below_reserved' ? 'Stock cannot go below what checkouts have reserved' : 'Too many units', {
          detail: plan.message,
          errors: [{ field, message: plan.message }],
          current: toListing(product),
        });
      }
      if (plan.delta === 0) return c.json(toListing(product), 200);
      try {
        const after = await deps.listings.changeStock({
          id, pavilion: manager.pavilion, delta: plan.delta, reason: body.reason, by: manager.subject, at: nowIso(deps),
          ...(body.note ? { note: body.note } : {}),
          ...(change.kind === 'set' ? { expect: { stock: product.stock, reserved: product.reserved } } : {}),
        });
        deps.onCatalogueChange?.(id);
        return c.json(toListing(after), 200);
      } catch (error) {
        if (!(error instanceof ListingWriteRefused)) throw error;
        if (error.reason === 'stock_moved' && attempt < SET_ATTEMPTS) continue;
        const problem = refusalProblem(error, id);
        if (problem.status !== 409) throw problem;
        throw new ProblemError(409, problem.title, { ...problem.extra, errors: [{ field, message: 'more than the free stock allows' }] });
      }
    }
  });

  app.openapi(stockHistory, async (c) => {
    const { id } = c.req.valid('param');
    await ownListing(deps, c.get('manager'), id);
    const items = await deps.listings.stockMovements(id, 50);
    return c.json({ items: [...items] }, 200);
  });
}
