import { createRoute, z } from '@hono/zod-openapi';
import type { Product } from '../domain/catalogue.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import { CatalogueRefusedError, productOnSale, productsOnSale, type CatalogueRefusal } from '../usecases/browse-catalogue.js';
import { answerRefusals, ProblemError, problemResponses, type ProblemTable } from './problem.js';
import { createRouter } from './router.js';
import { CategorySchema, PavilionCodeSchema, PavilionSchema, ProductSchema } from './schemas/catalogue.js';
import { CursorQuery, pageLimit, pageOf } from './schemas/page.js';

export interface CatalogueDeps {
  readonly catalogue: CatalogueStore;
}

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

export function createCatalogueApp({ catalogue }: CatalogueDeps) {
  const app = createRouter();
  app.onError(answerRefusals(CatalogueRefusedError, CATALOGUE_PROBLEMS));

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
