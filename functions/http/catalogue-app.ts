import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { Product } from '../domain/catalogue.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import { CatalogueRefusedError, productOnSale, productsOnSale, type CatalogueRefusal } from '../usecases/browse-catalogue.js';
import { NoRatesError, ratesToShow, type RateDeps } from '../usecases/exchange-rates.js';
import { lazyDeps } from '../usecases/lazy-deps.js';
import { pageOf } from './page-of.js';
import { answerRefusals, ProblemError, validationHook, type ProblemTable } from './problem.js';
import type { ProductSchema } from './schemas/catalogue.js';
import { ProductIdParam, ProductListQuery } from './schemas/catalogue-query.js';

/** The rates deps are read only by GET /api/rates (an API wired with the catalogue alone still serves the rest). */
export type CatalogueDeps = { readonly catalogue: CatalogueStore } & Partial<RateDeps>;

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

/**
 * The catalogue's routes, as catalogue-contract.ts describes them. A plain Hono app validating with zod/mini,
 * not an OpenAPIHono one: this is all its function serves, and it then bundles neither classic zod nor the
 * OpenAPI generator (tests/infra/bundle-budget.test.ts).
 */
export function createCatalogueApp(deps: CatalogueDeps) {
  const { catalogue } = deps;
  const rateDeps = lazyDeps<RateDeps>(deps, ['rateStore', 'clock']);
  const app = new Hono();
  app.onError(answerRefusals(CatalogueRefusedError, CATALOGUE_PROBLEMS));

  app.get('/rates', async (c) => {
    try {
      const rates = await ratesToShow(rateDeps);
      c.header('cache-control', 'public, max-age=300');
      return c.json(rates, 200);
    } catch (error) {
      if (!(error instanceof NoRatesError)) throw error;
      throw new ProblemError(503, 'No exchange rates yet', { detail: 'No exchange rates have been loaded yet. Try again later.', reason: 'rates_missing' });
    }
  });

  app.get('/pavilions', async (c) => {
    const items = await catalogue.listPavilions();
    c.header('cache-control', 'public, max-age=60');
    return c.json({ items: [...items] }, 200);
  });

  app.get('/products', zValidator('query', ProductListQuery, validationHook), async (c) => {
    const page = await productsOnSale(catalogue, c.req.valid('query'));
    return c.json(pageOf(page, publicProduct), 200);
  });

  app.get('/products/:id', zValidator('param', ProductIdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const product = await productOnSale(catalogue, id);
    if (!product) throw new ProblemError(404, 'No such product', { detail: `There is no product ${id}.` });
    c.header('cache-control', 'no-store');
    return c.json(publicProduct(product), 200);
  });

  return app;
}
