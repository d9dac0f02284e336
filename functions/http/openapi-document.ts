import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { API_APPS, type ApiAppName, type ApiDeps } from './api.js';
import { CATALOGUE_ROUTES } from './catalogue-contract.js';
import { WEBHOOK_ROUTES } from './webhook-contract.js';
import { createRouter } from './router.js';

let cachedDocument: unknown;

/**
 * The apps that are plain Hono, so that their functions bundle no classic zod (the catalogue validates with
 * zod/mini; the webhook validates nothing with zod): their contracts describe them. Every other app is an
 * OpenAPIHono that describes itself.
 */
const CONTRACTS: Partial<Record<ApiAppName, readonly RouteConfig[]>> = { catalogue: CATALOGUE_ROUTES, webhooks: WEBHOOK_ROUTES };

/**
 * The whole API, generated from the zod schemas of every app and from the contracts above (deps are never
 * touched while describing).
 * Generated at build time into the site at /api/openapi.json (infra/site-build/), and served by the local
 * server; no Lambda imports this, so none carries the generator's work.
 */
export function openApiDocument(): unknown {
  if (cachedDocument) return cachedDocument;
  const untouchable = describedOnly() as ApiDeps;
  const all = createRouter();
  for (const [name, make] of Object.entries(API_APPS) as Array<[ApiAppName, (deps: ApiDeps) => unknown]>) {
    const contract = CONTRACTS[name];
    if (contract) for (const route of contract) all.openAPIRegistry.registerPath({ ...route, path: `/api${route.path}` });
    else all.route('/api', make(untouchable) as OpenAPIHono);
  }
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
