import { createRoute, z } from '@hono/zod-openapi';
import type { Product } from '../domain/catalogue.js';
import { InvalidCursorError, type CatalogueStore } from '../ports/catalogue-store.js';
import { ProblemError, problemResponses } from './problem.js';
import { createRouter } from './router.js';
import { CategorySchema, PavilionCodeSchema, PavilionSchema, ProductSchema } from './schemas/catalogue.js';

export interface CatalogueDeps {
  readonly catalogue: CatalogueStore;
}

const ProductListQuery = z
  .object({
    pavilion: PavilionCodeSchema.optional(),
    category: CategorySchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24).openapi({ type: 'integer', example: 24 }),
    cursor: z.string().max(1024).optional().openapi({ description: 'nextCursor of the previous page' }),
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

export function createCatalogueApp({ catalogue }: CatalogueDeps) {
  const app = createRouter();

  app.openapi(listPavilions, async (c) => {
    const items = await catalogue.listPavilions();
    c.header('cache-control', 'public, max-age=60');
    return c.json({ items: [...items] }, 200);
  });

  app.openapi(listProducts, async (c) => {
    const query = c.req.valid('query');
    if (query.pavilion && !(await catalogue.getPavilion(query.pavilion))) {
      throw new ProblemError(400, 'Unknown pavilion', {
        detail: `There is no pavilion ${query.pavilion}. GET /api/pavilions lists them.`,
        errors: [{ field: 'pavilion', message: 'no such pavilion' }],
      });
    }
    try {
      const page = await catalogue.listProducts(query);
      return c.json({ items: page.items.map(publicProduct), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new ProblemError(400, 'Invalid cursor', { detail: error.message, errors: [{ field: 'cursor', message: error.message }] });
      }
      throw error;
    }
  });

  app.openapi(getProduct, async (c) => {
    const { id } = c.req.valid('param');
    const product = await catalogue.getProduct(id);
    if (!product || product.status !== 'active') throw new ProblemError(404, 'No such product', { detail: `There is no product ${id}.` });
    c.header('cache-control', 'no-store');
    return c.json(publicProduct(product), 200);
  });

  return app;
}
