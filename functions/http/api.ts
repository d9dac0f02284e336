import type { Hono } from 'hono';
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
import { mountApi } from './api-root.js';
import { openApiDocument } from './openapi-document.js';
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
  // Each app's Env is its own (the workspace's and the console's carry the verified caller), hence `any`.
} satisfies Record<string, (deps: ApiDeps) => Hono<any, any, any>>;

export type ApiAppName = keyof typeof API_APPS;

/**
 * The whole API (or the named apps) under /api, with its OpenAPI document at /api/openapi.json: what the
 * local server and the tests serve. A Lambda mounts only its own apps (handlers/, http/api-root.ts).
 */
export function createApi(deps: ApiDeps, names: readonly ApiAppName[] = Object.keys(API_APPS) as ApiAppName[]) {
  const root = mountApi(() => deps.telemetry, names.map((name) => API_APPS[name](deps)));
  root.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  return root;
}

/** Generated in openapi-document.ts; re-exported for the tests and the site build that read it from here. */
export { openApiDocument };
