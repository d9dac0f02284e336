import type { MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '../ports/token-verifier.js';
import { principalOf } from './bearer-token.js';
import { problem } from './problem.js';

/** Who is asking, for the audit log: the token's opaque subject, never a name. */
export interface Operator {
  readonly subject: string;
}

export type OperatorEnv = { Variables: { operator: Operator } };

/**
 * Admits a request only with a verified token of a member of the operators group. No token or a
 * bad one is 401 (with a challenge); a valid token of anyone else, a pavilion's manager included,
 * is 403. Used on every path under /api/operator, known or not, so a manager probing for routes
 * learns nothing but 403.
 */
export function requireOperator(verifier: () => TokenVerifier): MiddlewareHandler<OperatorEnv> {
  return async (c, next) => {
    const principal = await principalOf(c, verifier, 'operator');
    if (principal instanceof Response) return principal;
    if (!principal.operator) return problem(403, 'This account is not an operator', { detail: 'Only members of the operators group may use /api/operator.' });
    c.set('operator', { subject: principal.subject });
    await next();
    // Operator answers carry buyers' identities: never cached by a browser or CloudFront.
    c.header('cache-control', 'no-store');
  };
}
