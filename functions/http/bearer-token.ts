import type { Context } from 'hono';
import { InvalidTokenError, type Principal, type TokenVerifier } from '../ports/token-verifier.js';
import { problem } from './problem.js';

export type Realm = 'pavilion' | 'operator';

const SIGN_IN: Record<Realm, string> = { pavilion: 'Sign in to the pavilion workspace', operator: 'Sign in as an operator' };

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The caller behind an RFC 6750 bearer token, or the 401 to answer: a missing, malformed, expired
 * or foreign token gets a WWW-Authenticate challenge naming `realm`. Nothing about the token is logged.
 * What the principal may do is for the caller to decide (requireManager, requireOperator).
 */
export async function principalOf(c: Context, verifier: () => TokenVerifier, realm: Realm): Promise<Principal | Response> {
  const match = BEARER.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) return unauthorized(realm, SIGN_IN[realm], 'Send the token you got at sign-in as "Authorization: Bearer <token>".');
  try {
    return await verifier().verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) return unauthorized(realm, 'The token is not valid', 'It may have expired: sign in again.', 'invalid_token');
    throw error;
  }
}

function unauthorized(realm: Realm, title: string, detail: string, error?: string): Response {
  const response = problem(401, title, { detail });
  response.headers.set('www-authenticate', `Bearer realm="${realm}"${error ? `, error="${error}"` : ''}`);
  return response;
}
