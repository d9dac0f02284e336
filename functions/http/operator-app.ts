import { requireOperator, type OperatorEnv } from './operator-auth.js';
import { registerConsoleRoutes } from './operator-console.js';
import { registerCustomsRoutes } from './operator-customs.js';
import type { OperatorDeps } from './operator-deps.js';
import { registerPavilionRoutes } from './operator-pavilions.js';
import { registerRefundRoutes } from './operator-refunds.js';
import { registerSettlementRoutes } from './operator-settlement.js';
import { registerOperatorSessionConfig, registerOperatorWhoAmI } from './operator-session.js';
import { createRouter } from './router.js';

export type { OperatorDeps } from './operator-deps.js';

/**
 * The operators' API under /api/operator: the people who run the store, declare its orders to
 * customs and refund them. Every path under it, known or not, runs behind requireOperator first, so a manager gets
 * 403 (and no token 401) before any route is matched: a 404 would tell a prober which paths exist.
 * The one exception is the console's public sign-in settings (/operator/session-config).
 */
export function createOperatorApp(deps: OperatorDeps) {
  const app = createRouter();
  app.openAPIRegistry.registerComponent('securitySchemes', 'OperatorToken', {
    type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
    description: 'An operator’s token: a Cognito ID or access token of a member of the operators group (locally: npm run token -- --operator).',
  });
  // Public, so registered before the guard: it answers before the operator's token check runs.
  registerOperatorSessionConfig(app, deps);
  const operator = createRouter<OperatorEnv>();
  operator.use('*', requireOperator(() => deps.tokens));
  registerOperatorWhoAmI(operator);
  registerCustomsRoutes(operator, deps);
  registerRefundRoutes(operator, deps);
  registerConsoleRoutes(operator, deps);
  registerPavilionRoutes(operator, deps);
  registerSettlementRoutes(operator, deps);
  app.route('/operator', operator);
  return app;
}
