import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { OperatorEnv } from './operator-auth.js';
import { OPERATOR_SECURITY } from './operator-customs.js';
import type { OperatorDeps } from './operator-deps.js';
import { problemResponses } from './problem-responses.js';
import { OperatorSchema, OperatorSessionConfigSchema } from './schemas/operator.js';

const sessionConfig = createRoute({
  method: 'get', path: '/operator/session-config', tags: ['Operator'],
  summary: 'Where operators sign in and out (public: the operator console needs it before there is a token)',
  responses: { 200: { description: 'Sign-in settings', content: { 'application/json': { schema: OperatorSessionConfigSchema } } } },
});

const whoAmI = createRoute({
  method: 'get', path: '/me', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'The signed-in operator (the console asks right after sign-in, so a manager learns at once that this is not their page)',
  responses: {
    200: { description: 'The operator', content: { 'application/json': { schema: z.object({ operator: OperatorSchema }) } } },
    ...problemResponses(401, 403),
  },
});

/**
 * The operator console's sign-in settings: the same identity provider as the workspace, returning
 * to /operator/. Registered on the app before the operator guard: it is the one public path under
 * /api/operator, and it says nothing that the sign-in page itself does not show.
 */
export function registerOperatorSessionConfig(app: OpenAPIHono, deps: OperatorDeps) {
  app.openapi(sessionConfig, (c) => {
    c.header('cache-control', 'public, max-age=300');
    const signOutUrl = deps.operatorSignOutUrl;
    return c.json({ signInUrl: deps.operatorSignInUrl ?? '/auth/sign-in', ...(signOutUrl ? { signOutUrl } : {}) }, 200);
  });
}

export function registerOperatorWhoAmI(app: OpenAPIHono<OperatorEnv>) {
  app.openapi(whoAmI, (c) => c.json({ operator: c.get('operator') }, 200));
}
