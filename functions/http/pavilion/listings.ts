import { createRoute } from '@hono/zod-openapi';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { createListing, editListing, ownListings, setListingStatus } from '../../usecases/pavilion/listings.js';
import { ownListing } from '../../usecases/pavilion/ownership.js';
import { problemResponses } from '../problem-responses.js';
import { createRouter } from '../router.js';
import { CreateListingSchema, ListingIdParam, ListingListQuery, ListingPageSchema, ListingSchema, StatusChangeSchema, UpdateListingSchema } from '../schemas/listing.js';
import { pageOf } from '../page-of.js';
import { SECURITY, type ManagerEnv } from './auth.js';
import { toListing } from './listing-view.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const listingResponse = (description: string) => ({ description, content: { 'application/json': { schema: ListingSchema } } });

const listListings = createRoute({
  method: 'get', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: "The pavilion's own listings, every status, newest first",
  request: { query: ListingListQuery },
  responses: { 200: { description: 'A page', content: { 'application/json': { schema: ListingPageSchema } } }, ...problemResponses(400, 401, 403) },
});

const createListingRoute = createRoute({
  method: 'post', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: 'Opens a new listing (its id comes from the SKU)',
  request: { body: json(CreateListingSchema) },
  responses: { 201: listingResponse('Created'), ...problemResponses(400, 401, 403, 409) },
});

const getListing = createRoute({
  method: 'get', path: '/{id}', tags: ['Pavilion'], security: SECURITY,
  summary: 'One own listing, with stock, reserved and sold',
  request: { params: ListingIdParam },
  responses: { 200: listingResponse('The listing'), ...problemResponses(400, 401, 403, 404) },
});

const updateListing = createRoute({
  method: 'put', path: '/{id}', tags: ['Pavilion'], security: SECURITY,
  summary: 'Edits a listing; send the version you edited (a stale one gets 409). Stock is changed separately.',
  request: { params: ListingIdParam, body: json(UpdateListingSchema) },
  responses: { 200: listingResponse('The listing after the edit'), ...problemResponses(400, 401, 403, 404, 409) },
});

const statusRoute = (action: 'archive' | 'restore') =>
  createRoute({
    method: 'post', path: `/{id}/${action}`, tags: ['Pavilion'], security: SECURITY,
    summary: action === 'archive' ? 'Takes a listing off the site (kept, restorable)' : 'Puts an archived listing back on the site',
    request: { params: ListingIdParam, body: { content: { 'application/json': { schema: StatusChangeSchema } }, required: false } },
    responses: { 200: listingResponse('The listing after the change'), ...problemResponses(400, 401, 403, 404, 409) },
  });

/** /pavilion/listings: the manager's own listings. */
export function listingRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();

  app.openapi(listListings, async (c) => {
    const page = await ownListings(deps, c.get('manager'), c.req.valid('query'));
    return c.json(pageOf(page, toListing), 200);
  });

  app.openapi(createListingRoute, async (c) => {
    const { sku, onHand = 0, ...content } = c.req.valid('json');
    const product = await createListing(deps, c.get('manager'), { sku, onHand, content });
    c.header('location', `/api/pavilion/listings/${product.id}`);
    return c.json(toListing(product), 201);
  });

  app.openapi(getListing, async (c) => {
    const product = await ownListing(deps, c.get('manager'), c.req.valid('param').id);
    return c.json(toListing(product), 200);
  });

  app.openapi(updateListing, async (c) => {
    const { version, ...content } = c.req.valid('json');
    const product = await editListing(deps, c.get('manager'), c.req.valid('param').id, { version, content });
    return c.json(toListing(product), 200);
  });

  for (const [action, status] of [['archive', 'archived'], ['restore', 'active']] as const) {
    app.openapi(statusRoute(action), async (c) => {
      // The body is optional; with a version the change applies only to the listing as the manager saw it.
      const version = (c.req.valid('json') as { version?: number } | undefined)?.version;
      const product = await setListingStatus(deps, c.get('manager'), c.req.valid('param').id, status, version);
      return c.json(toListing(product), 200);
    });
  }

  return app;
}
