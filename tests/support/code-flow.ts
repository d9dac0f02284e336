import { randomBytes } from 'node:crypto';
import { challengeFor } from '../../infra/local/token-issuer/issuer.js';

/**
 * The authorization code flow with PKCE against the local token issuer, as the pages run it
 * (site/src/features/sign-in/token-session.ts), for tests that sign in without a browser.
 */
export function newVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** The query a sign-in page request needs: response_type=code and an S256 challenge, plus whatever else is given. */
export function authorizeQuery(extra: Record<string, string> = {}, verifier = newVerifier()): string {
  return new URLSearchParams({ response_type: 'code', code_challenge: challengeFor(verifier), code_challenge_method: 'S256', ...extra }).toString();
}

export interface CodeSignIn {
  /** The sign-in page's answer (303 with `?code=…&state=…`, or a 400). */
  readonly response: Response;
  readonly location: string | null;
  readonly code: string | null;
  readonly state: string | null;
  readonly verifier: string;
}

/** Posts the sign-in page's form (as a click on a demo account does), with a fresh verifier's challenge. */
export async function postSignIn(issuerUrl: string, form: Record<string, string>): Promise<CodeSignIn> {
  const verifier = newVerifier();
  const response = await fetch(`${issuerUrl}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ code_challenge: challengeFor(verifier), ...form }),
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  const query = new URLSearchParams(location?.split('?')[1] ?? '');
  return { response, location, code: query.get('code'), state: query.get('state'), verifier };
}

/** Exchanges a code at the issuer's /token; the body is the token endpoint's JSON. */
export async function exchangeCode(issuerUrl: string, form: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${issuerUrl}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', ...form }) });
  return { status: response.status, body: await response.json() };
}

/** Signs in through the form and exchanges the code: the ID token, as a page would hold it. */
export async function signInForToken(issuerUrl: string, form: Record<string, string>): Promise<{ location: string; token: string }> {
  const signedIn = await postSignIn(issuerUrl, form);
  if (!signedIn.code || !signedIn.location) throw new Error(`sign-in answered ${signedIn.response.status}`);
  const redirect: Record<string, string> = form['redirect_uri'] ? { redirect_uri: form['redirect_uri'] } : {};
  const exchanged = await exchangeCode(issuerUrl, { code: signedIn.code, code_verifier: signedIn.verifier, ...redirect });
  if (exchanged.status !== 200) throw new Error(`token endpoint answered ${exchanged.status}: ${JSON.stringify(exchanged.body)}`);
  return { location: signedIn.location, token: exchanged.body.id_token };
}
