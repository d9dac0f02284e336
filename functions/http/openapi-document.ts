import { API_APPS, type ApiDeps } from './api.js';
import { CATALOGUE_ROUTES } from './catalogue-contract.js';
import { createRouter } from './router.js';

let cachedDocument: unknown;

/**
 * The whole API, generated from the zod schemas of every app and the catalogue's contract (deps are never touched while describing).
 * Generated at build time into the site at /api/openapi.json (infra/site-build/), and served by the local
 * server; no Lambda imports this, so none carries the generator's work.
 */
export function openApiDocument(): unknown {
  if (cachedDocument) return cachedDocument;
  const untouchable = describedOnly() as ApiDeps;
  const all = createRouter();
  // The catalogue's app is plain Hono (it validates with zod/mini): its contract describes its routes.
  const { catalogue: _describedByItsContract, ...openApiApps } = API_APPS;
  for (const route of CATALOGUE_ROUTES) all.openAPIRegistry.registerPath({ ...route, path: `/api${route.path}` });
  for (const make of Object.values(openApiApps)) all.route('/api', make(untouchable));
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
