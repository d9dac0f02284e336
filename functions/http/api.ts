import type { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { lazyDeps } from '../usecases/lazy-deps.js';
import { PAVILION_DEPS, type PavilionDeps } from '../usecases/pavilion/deps.js';
import { SHOP_DEPS, type ShopDeps } from '../usecases/shop-deps.js';
import { createCartApp } from './cart-app.js';
import { createCatalogueApp, type CatalogueDeps } from './catalogue-app.js';
import { createCheckoutApp } from './checkout-app.js';
import { createOperatorApp } from './operator-app.js';
import { OPERATOR_DEPS, type OperatorDeps } from './operator-deps.js';
import { createOrderApp } from './order-app.js';
import { createPavilionApp } from './pavilion/app.js';
import { errorHandler, notFound } from './problem.js';
import { createRouter } from './router.js';
import { createWebhookApp } from './webhook-app.js';

/** Everything the HTTP apps need, wired by a handler (AWS) or the local runner. */
export type ApiDeps = CatalogueDeps & Partial<ShopDeps> & Partial<PavilionDeps> & Partial<OperatorDeps>;

/**
 * The apps of the API and where they are mounted. Each Lambda serves one of them
 * (handlers/), the local server serves all of them; the paths are the same in both.
 */
export const API_APPS = {
  catalogue: (deps: ApiDeps) => createCatalogueApp(deps),
  cart: (deps: ApiDeps) => createCartApp(lazyDeps<ShopDeps>(deps, SHOP_DEPS)),
  checkout: (deps: ApiDeps) => createCheckoutApp(lazyDeps<ShopDeps>(deps, SHOP_DEPS)),
  orders: (deps: ApiDeps) => createOrderApp(lazyDeps<ShopDeps>(deps, SHOP_DEPS)),
  webhooks: (deps: ApiDeps) => createWebhookApp(lazyDeps<ShopDeps>(deps, SHOP_DEPS)),
  pavilion: (deps: ApiDeps) => createPavilionApp(lazyDeps<PavilionDeps>(deps, PAVILION_DEPS)),
  operator: (deps: ApiDeps) => createOperatorApp(lazyDeps<OperatorDeps>(deps, OPERATOR_DEPS)),
} satisfies Record<string, (deps: ApiDeps) => OpenAPIHono<never> | OpenAPIHono>;

export type ApiAppName = keyof typeof API_APPS;

/** Mounts apps under /api with the shared error mapping; the OpenAPI document is always served. */
export function createApi(deps: ApiDeps, names: readonly ApiAppName[] = Object.keys(API_APPS) as ApiAppName[]) {
  const root = createRouter();
  root.onError(errorHandler(() => deps.telemetry));
  root.notFound(notFound);
  root.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  for (const name of names) root.route('/api', API_APPS[name](deps));
  root.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  return root;
}

let cachedDocument: unknown;

/** The whole API, generated from the zod schemas of every app (deps are never touched while describing). */
export function openApiDocument(): unknown {
  if (cachedDocument) return cachedDocument;
  const untouchable = describedOnly() as ApiDeps;
  const all = createRouter();
  for (const make of Object.values(API_APPS)) all.route('/api', make(untouchable));
  cachedDocument = all.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'SCO Bazaar API',
      version: '1.0.0',
      description: 'Catalogue, cart, checkout, pavilion workspace, operators and Stripe webhooks of SCO Bazaar. Errors are application/problem+json (RFC 9457).',
    },
  });
  return cachedDocument;
}

/** Stands in for any dependency while the apps are only described: reading is fine, calling throws. */
function describedOnly(): unknown {
  return new Proxy(() => undefined, {
    get: (_target, property) => (property === 'then' ? undefined : describedOnly()),
    apply: () => {
      throw new Error('Dependencies are not available while describing the API');
    },
  });
}
