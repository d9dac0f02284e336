import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listingRuleIssues, newListing } from '../domain/listing.js';
import { InvalidCursorError } from '../ports/catalogue-store.js';
import type { ManagerEnv } from './pavilion-auth.js';
import { guarded, invalid, nowIso, ownListing, ownPavilion, toListing } from './pavilion-common.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { ProblemError, problemResponses } from './problem.js';
import {
  CreateListingSchema,
  ListingIdParam,
  ListingListQuery,
  ListingPageSchema,
  ListingSchema,
  StatusChangeSchema,
  UpdateListingSchema,
} from './schemas/listing.js';

export const SECURITY = [{ PavilionToken: [] }];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const listingResponse = (description: string) => ({ description, content: { 'application/json': { schema: ListingSchema } } });

const listListings = createRoute({
  method: 'get', path: '/listings', tags: ['Pavilion'], security: SECURITY,
  summary: "The pavilion's own listings, every status, newest first",
  request: { query: ListingListQuery },
  responses: { 200: { description: 'A page', content: { 'application/json': { schema: ListingPageSchema } } }, ...problemResponses(400, 401, 403) },
});

const createListing = createRoute({
  method: 'post', path: '/listings', tags: ['Pavilion'], security: SECURITY,
  summary: 'Opens a new listing (its id comes from the SKU)',
  request: { body: json(CreateListingSchema) },
  responses: { 201: listingResponse('Created'), ...problemResponses(400, 401, 403, 409) },
});

const getListing = createRoute({
  method: 'get', path: '/listings/{id}', tags: ['Pavilion'], security: SECURITY,
  summary: 'One own listing, with stock, reserved and sold',
  request: { params: ListingIdParam },
  responses: { 200: listingResponse('The listing'), ...problemResponses(400, 401, 403, 404) },
});

const updateListing = createRoute({
  method: 'put', path: '/listings/{id}', tags: ['Pavilion'], security: SECURITY,
  summary: 'Edits a listing; send the version you edited (a stale one gets 409). Stock is changed separately.',
  request: { params: ListingIdParam, body: json(UpdateListingSchema) },
  responses: { 200: listingResponse('The listing after the edit'), ...problemResponses(400, 401, 403, 404, 409) },
});

const statusRoute = (action: 'archive' | 'restore') =>
  createRoute({
    method: 'post', path: `/listings/{id}/${action}`, tags: ['Pavilion'], security: SECURITY,
    summary: action === 'archive' ? 'Takes a listing off the site (kept, restorable)' : 'Puts an archived listing back on the site',
    request: { params: ListingIdParam, body: { content: { 'application/json': { schema: StatusChangeSchema } }, required: false } },
    responses: { 200: listingResponse('The listing after the change'), ...problemResponses(400, 401, 403, 404, 409) },
  });

export function registerListingRoutes(app: OpenAPIHono<ManagerEnv>, deps: PavilionDeps) {
  app.openapi(listListings, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    try {
      const page = await deps.listings.listOwn({ pavilion: c.get('manager').pavilion, status, limit, cursor });
      return c.json({ items: page.items.map(toListing), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new ProblemError(400, 'Invalid cursor', { errors: [{ field: 'cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(createListing, async (c) => {
    const { sku, onHand = 0, ...content } = c.req.valid('json');
    const pavilion = await ownPavilion(deps, c.get('manager'));
    const issues = listingRuleIssues(content, pavilion);
    if (issues.length > 0) throw invalid(issues);
    const product = newListing(pavilion.code, sku, content, nowIso(deps), onHand);
    await guarded(product.id, () => deps.listings.create(product));
    deps.onCatalogueChange?.(product.id);
    c.header('location', `/api/pavilion/listings/${product.id}`);
    return c.json(toListing(product), 201);
  });

  app.openapi(getListing, async (c) => {
    const product = await ownListing(deps, c.get('manager'), c.req.valid('param').id);
    return c.json(toListing(product), 200);
  });

  app.openapi(updateListing, async (c) => {
    const { id } = c.req.valid('param');
    const { version, ...content } = c.req.valid('json');
    const manager = c.get('manager');
    await ownListing(deps, manager, id);
    const issues = listingRuleIssues(content, await ownPavilion(deps, manager));
    if (issues.length > 0) throw invalid(issues);
    const product = await guarded(id, () => deps.listings.update(id, manager.pavilion, version, content, nowIso(deps)));
    deps.onCatalogueChange?.(id);
    return c.json(toListing(product), 200);
  });

  for (const [action, status] of [['archive', 'archived'], ['restore', 'active']] as const) {
    app.openapi(statusRoute(action), async (c) => {
      const { id } = c.req.valid('param');
      const manager = c.get('manager');
      // The store reads the listing before its conditional write and answers 404, 403 or 409 itself.
      // The body is optional; with a version the change applies only to the listing as the manager saw it.
      const version = (c.req.valid('json') as { version?: number } | undefined)?.version;
      const product = await guarded(id, () => deps.listings.setStatus(id, manager.pavilion, status, version, nowIso(deps)));
      deps.onCatalogueChange?.(id);
      return c.json(toListing(product), 200);
    });
  }
}
