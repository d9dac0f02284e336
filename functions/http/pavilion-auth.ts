import type { MiddlewareHandler } from 'hono';
import { InvalidTokenError, NoPavilionError, type Manager, type TokenVerifier } from '../ports/token-verifier.js';
import { problem } from './problem.js';

/** Routes behind requireManager read the caller from here, never from the path or the body. */
export type ManagerEnv = { Variables: { manager: Manager } };

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Admits a request only with a verified manager token (RFC 6750 bearer). Missing, malformed,
 * expired or foreign tokens get 401 with a WWW-Authenticate challenge; a valid token that names no
 * pavilion gets 403. Nothing about the token is logged.
 */
export function requireManager(verifier: () => TokenVerifier): MiddlewareHandler<ManagerEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) return unauthorized('Sign in to the pavilion workspace', 'Send the token you got at sign-in as "Authorization: Bearer <token>".');
    let manager: Manager;
    try {
      manager = await verifier().verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) return unauthorized('The token is not valid', 'It may have expired: sign in again.', 'invalid_token');
      if (error instanceof NoPavilionError) return problem(403, 'This account manages no pavilion', { detail: error.message });
      throw error;
    }
    c.set('manager', manager);
    await next();
    // Workspace answers are one manager's data: never cached by a browser or CloudFront.
    c.header('cache-control', 'no-store');
  };
}

function unauthorized(title: string, detail: string, error?: string): Response {
  const response = problem(401, title, { detail });
  response.headers.set('www-authenticate', `Bearer realm="pavilion"${error ? `, error="${error}"` : ''}`);
  return response;
}
