import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from './problem-responses.js';
import { CategorySchema, PavilionCodeSchema, PavilionSchema, ProductSchema } from './schemas/catalogue.js';
import { CursorQuery, pageLimit } from './schemas/page.js';
import { RatesSchema } from './schemas/rates.js';

/*
 * The catalogue's routes as the OpenAPI document describes them (openapi-document.ts). The catalogue's function
 * serves them from catalogue-app.ts, which validates with the zod/mini schemas of schemas/catalogue-query.ts and
 * so bundles none of this: the classic request schemas here are their twins for the document, and
 * tests/unit/catalogue-contract.test.ts holds each pair to the same JSON Schema and the app to these routes.
 */

export const ProductListQueryDescribed = z
  .object({
    pavilion: PavilionCodeSchema.optional(),
    category: CategorySchema.optional(),
    limit: pageLimit(24),
    cursor: CursorQuery,
  })
  .strict();

export const ProductIdParamDescribed = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'a product id: lower-case letters, digits and dashes')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'kg-issyk-kul-white-honey' }),
});

const listPavilions = createRoute({
  method: 'get',
  path: '/pavilions',
  tags: ['Catalogue'],
  summary: 'Every pavilion with its names, currency and number of products',
  responses: {
    200: { description: 'The pavilions', content: { 'application/json': { schema: z.object({ items: z.array(PavilionSchema) }) } } },
  },
});

const listProducts = createRoute({
  method: 'get',
  path: '/products',
  tags: ['Catalogue'],
  summary: 'A page of active products, newest first',
  request: { query: ProductListQueryDescribed },
  responses: {
    200: {
      description: 'A page of products',
      content: { 'application/json': { schema: z.object({ items: z.array(ProductSchema), nextCursor: z.string().nullable() }) } },
    },
    ...problemResponses(400),
  },
});

const getProduct = createRoute({
  method: 'get',
  path: '/products/{id}',
  tags: ['Catalogue'],
  summary: 'One product with its live stock',
  request: { params: ProductIdParamDescribed },
  responses: {
    200: { description: 'The product', content: { 'application/json': { schema: ProductSchema } } },
    ...problemResponses(400, 404),
  },
});

const getRates = createRoute({
  method: 'get',
  path: '/rates',
  tags: ['Catalogue'],
  summary: 'The exchange rates the store converts with, against CNY, for every currency it charges or shows',
  description:
    'Each rate is exact (numerator/denominator, minor units of CNY per minor unit of the currency) with its publisher’s date and source. ' +
    'Checkout charges at them only while `fresh` (loaded less than maxAgeHours ago). Cacheable for 5 minutes.',
  responses: {
    200: { description: 'The current rates', content: { 'application/json': { schema: RatesSchema } } },
    ...problemResponses(503),
  },
});

/** In the order the document lists them. Paths are relative to /api, as every app's are. */
export const CATALOGUE_ROUTES = [getRates, listPavilions, listProducts, getProduct] as const;
