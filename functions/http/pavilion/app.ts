import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { ownPavilion } from '../../usecases/pavilion/ownership.js';
import { PavilionRefusedError } from '../../usecases/pavilion/refusal.js';
import { answerRefusals, problem } from '../problem.js';
import { problemResponses } from '../problem-responses.js';
import { createRouter } from '../router.js';
import { PavilionSchema } from '../schemas/catalogue.js';
import { ManagerSchema, SessionConfigSchema } from '../schemas/session.js';
import { requireManager, SECURITY, type ManagerEnv } from './auth.js';
import { freightRoutes } from './freight.js';
import { imageRoutes, uploadReceiverRoutes } from './images.js';
import { importRoutes, importTemplateRoutes } from './imports.js';
import { listingRoutes } from './listings.js';
import { orderRoutes } from './orders.js';
import { PAVILION_PROBLEMS } from './problems.js';
import { stockRoutes } from './stock.js';
import { statementRoutes } from './statements.js';
import { refuseSuspended } from './suspension.js';

const sessionConfig = createRoute({
  method: 'get', path: '/pavilion/session-config', tags: ['Pavilion'],
  summary: 'Where managers sign in and out (public: the sign-in page needs it before there is a token)',
  responses: { 200: { description: 'Sign-in settings', content: { 'application/json': { schema: SessionConfigSchema } } } },
});

const whoAmI = createRoute({
  method: 'get', path: '/me', tags: ['Pavilion'], security: SECURITY,
  summary: 'The signed-in manager and their pavilion',
  responses: {
    200: { description: 'The manager', content: { 'application/json': { schema: z.object({ manager: ManagerSchema, pavilion: PavilionSchema }) } } },
    ...problemResponses(401, 403),
  },
});

/** JSON bodies of the workspace are small; only the CSV import gets more (its own limit). */
const JSON_BODY_LIMIT = 256 * 1024;

/**
 * The pavilion workspace under /api/pavilion, one router per resource. Every route but three public
 * ones (sign-in settings, the CSV template and the local upload receiver, which is guarded by its
 * form signature) runs behind requireManager, and takes the pavilion from the verified token only.
 * Every refusal of its use cases is answered from one table (problems.ts).
 */
export function createPavilionApp(deps: PavilionDeps) {
  const app = createRouter();
  app.onError(answerRefusals(PavilionRefusedError, PAVILION_PROBLEMS));
  app.openAPIRegistry.registerComponent('securitySchemes', 'PavilionToken', {
    type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
    description: 'A pavilion manager’s token (Cognito ID or access token; locally from the token issuer).',
  });

  // Public routes first: they answer before the workspace's token check, which covers /pavilion/*.
  app.openapi(sessionConfig, (c) => {
    c.header('cache-control', 'public, max-age=300');
    const signOutUrl = deps.pavilionSignOutUrl;
    return c.json({ signInUrl: deps.pavilionSignInUrl ?? '/auth/sign-in', ...(signOutUrl ? { signOutUrl } : {}) }, 200);
  });
  app.route('/pavilion/imports', importTemplateRoutes());
  app.route('/pavilion/uploads', uploadReceiverRoutes(deps));

  const workspace = createRouter<ManagerEnv>();
  workspace.use('*', requireManager(() => deps.tokens));
  workspace.use('*', refuseSuspended(deps));
  const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: () => problem(413, 'The body is too large') });
  workspace.use('*', (c, next) => (c.req.path.endsWith('/pavilion/imports') ? next() : jsonLimit(c, next)));

  workspace.openapi(whoAmI, async (c) => {
    const manager = c.get('manager');
    return c.json({ manager, pavilion: await ownPavilion(deps, manager) }, 200);
  });
  workspace.route('/listings', listingRoutes(deps));
  workspace.route('/listings', stockRoutes(deps));
  workspace.route('/listings', imageRoutes(deps));
  workspace.route('/imports', importRoutes(deps));
  workspace.route('/orders', orderRoutes(deps));
  workspace.route('/freight', freightRoutes(deps));
  workspace.route('/statements', statementRoutes(deps));

  app.route('/pavilion', workspace);
  return app;
}
