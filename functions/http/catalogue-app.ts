import { createRoute, z } from '@hono/zod-openapi';
import type { Product } from '../domain/catalogue.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import { CatalogueRefusedError, productOnSale, productsOnSale, type CatalogueRefusal } from '../usecases/browse-catalogue.js';
import { NoRatesError, ratesToShow, type RateDeps } from '../usecases/exchange-rates.js';
import { lazyDeps } from '../usecases/lazy-deps.js';
import { answerRefusals, ProblemError, problemResponses, type ProblemTable } from './problem.js';
import { createRouter } from './router.js';
import { CategorySchema, PavilionCodeSchema, PavilionSchema, ProductSchema } from './schemas/catalogue.js';
import { CursorQuery, pageLimit, pageOf } from './schemas/page.js';
import { RatesSchema } from './schemas/rates.js';

/** The rates deps are read only by GET /api/rates (an API wired with the catalogue alone still serves the rest). */
export type CatalogueDeps = { readonly catalogue: CatalogueStore } & Partial<RateDeps>;

const ProductListQuery = z
  .object({
    pavilion: PavilionCodeSchema.optional(),
    category: CategorySchema.optional(),
    limit: pageLimit(24),
    cursor: CursorQuery,
  })
  .strict();

const ProductIdParam = z.object({
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
  request: { query: ProductListQuery },
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
  request: { params: ProductIdParam },
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

/** What a shopper may see of a product: no reserved or sold counts, no edit version. */
export function publicProduct(product: Product): z.infer<typeof ProductSchema> {
  const { reserved, sold, version, status, ...visible } = product;
  return { ...visible, certificates: [...visible.certificates], images: [...visible.images] };
}

/** Every refusal of the catalogue queries, with its answer. */
const CATALOGUE_PROBLEMS: ProblemTable<CatalogueRefusal> = {
  unknown_pavilion: ({ pavilion }) =>
    new ProblemError(400, 'Unknown pavilion', {
      detail: `There is no pavilion ${pavilion}. GET /api/pavilions lists them.`,
      errors: [{ field: 'pavilion', message: 'no such pavilion' }],
    }),
};

export function createCatalogueApp(deps: CatalogueDeps) {
  const { catalogue } = deps;
  const rateDeps = lazyDeps<RateDeps>(deps, ['rateStore', 'clock']);
  const app = createRouter();
  app.onError(answerRefusals(CatalogueRefusedError, CATALOGUE_PROBLEMS));

  app.openapi(getRates, async (c) => {
    try {
      const rates = await ratesToShow(rateDeps);
      c.header('cache-control', 'public, max-age=300');
      return c.json(rates, 200);
    } catch (error) {
      if (!(error instanceof NoRatesError)) throw error;
      throw new ProblemError(503, 'No exchange rates yet', { detail: 'No exchange rates have been loaded yet. Try again later.', reason: 'rates_missing' });
    }
  });

  app.openapi(listPavilions, async (c) => {
    const items = await catalogue.listPavilions();
    c.header('cache-control', 'public, max-age=60');
    return c.json({ items: [...items] }, 200);
  });

  app.openapi(listProducts, async (c) => {
    const page = await productsOnSale(catalogue, c.req.valid('query'));
    return c.json(pageOf(page, publicProduct), 200);
  });

  app.openapi(getProduct, async (c) => {
    const { id } = c.req.valid('param');
    const product = await productOnSale(catalogue, id);
    if (!product) throw new ProblemError(404, 'No such product', { detail: `There is no product ${id}.` });
    c.header('cache-control', 'no-store');
    return c.json(publicProduct(product), 200);
  });

  return app;
}
