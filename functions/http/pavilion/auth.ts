import type { MiddlewareHandler } from 'hono';
import type { Manager, TokenVerifier } from '../../ports/token-verifier.js';
import { principalOf } from '../bearer-token.js';
import { problem } from '../problem.js';

/** The OpenAPI security of every workspace route: a manager's bearer token (the PavilionToken scheme, pavilion/app.ts). */
export const SECURITY = [{ PavilionToken: [] }];

/** Routes behind requireManager read the caller from here, never from the path or the body. */
export type ManagerEnv = { Variables: { manager: Manager } };

/**
 * Admits a request only with a verified token of a pavilion's manager. Missing, malformed, expired
 * or foreign tokens get 401 with a WWW-Authenticate challenge; a valid token that names no single
 * pavilion (an operator's, say) gets 403, whose title the workspace recognises.
 */
export function requireManager(verifier: () => TokenVerifier): MiddlewareHandler<ManagerEnv> {
  return async (c, next) => {
    const principal = await principalOf(c, verifier, 'pavilion');
    if (principal instanceof Response) return principal;
    if (!principal.pavilion) return problem(403, 'This account manages no pavilion', { detail: 'The token does not name exactly one pavilion' });
    // Only what the workspace may use: the pavilion routes never see the operator flag.
    c.set('manager', { subject: principal.subject, pavilion: principal.pavilion });
    await next();
    // Workspace answers are one manager's data: never cached by a browser or CloudFront.
    c.header('cache-control', 'no-store');
  };
}
