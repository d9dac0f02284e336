import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Telemetry } from '../ports/telemetry.js';
import { originGuard } from './origin-guard.js';
import { errorHandler, notFound } from './problem.js';

/**
 * Mounts the given apps under /api with the shared error mapping and headers. A Lambda handler passes
 * only its own apps, so it imports (and bundles) nothing of the others; api.ts mounts them all.
 * Each app has its own Env (the workspace's and the console's carry the verified caller), hence `any`.
 */
export function mountApi(telemetry: () => Telemetry | undefined, apps: ReadonlyArray<Hono<any, any, any>>) {
  // Plain Hono: the OpenAPIHono router would bring classic zod into the catalogue's bundle, which has none.
  const root = new Hono();
  root.onError(errorHandler(telemetry));
  root.notFound(notFound);
  root.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  // In AWS only (ORIGIN_VERIFY set): requests that skipped CloudFront and its web ACL get 403.
  root.use('/api/*', originGuard());
  for (const app of apps) root.route('/api', app);
  return root;
}
