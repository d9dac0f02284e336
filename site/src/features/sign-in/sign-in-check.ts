import { base64url, newCodeVerifier } from './pkce.js';

/**
 * Binds a sign-in's answer to the tab that asked for it (OpenID Connect Core 1.0, §3.1.2.7 and
 * §15.5.2; the authorization code flow with PKCE, RFC 7636): before leaving for the sign-in page the
 * tab keeps a random `state`, `nonce` and code_verifier; the answer (`?code=…&state=…`) counts only
 * when it carries the same `state`, the code is exchanged with this tab's verifier, and the ID token
 * it buys carries the same `nonce`. Without this, a link `/pavilion/?code=<someone else's code>`
 * would sign the manager into another person's pavilion (or `/operator/?code=…` the operator into
 * another account). Pure: storage, the address bar and the network are token-session.ts's business.
 */
export interface SignInAttempt {
  readonly state: string;
  readonly nonce: string;
  /** The PKCE code_verifier: only its hash goes to the sign-in page; the verifier itself, only to the token endpoint. */
  readonly verifier: string;
  /** The sign-in URL this attempt went to: its token endpoint, client_id and redirect_uri make the token request. */
  readonly signInUrl: string;
}

export type AnswerVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'exchange'; readonly code: string }
  | { readonly kind: 'rejected' };

export type TokenVerdict = { readonly kind: 'accepted'; readonly token: string } | { readonly kind: 'rejected' };

/** 128 random bits each for state and nonce, 256 for the verifier, base64url, from the platform's CSPRNG. */
export function newSignInAttempt(signInUrl: string, random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): SignInAttempt {
  const value = () => base64url(random(new Uint8Array(16)));
  return { state: value(), nonce: value(), verifier: newCodeVerifier(random), signInUrl };
}

/**
 * The sign-in URL with the attempt's values added: `response_type=code` unless the URL names one
 * (Cognito's carries it), state, nonce and the S256 code_challenge.
 */
export function signInUrlFor(attempt: SignInAttempt, codeChallenge: string): string {
  const [withoutFragment] = attempt.signInUrl.split('#');
  const joiner = withoutFragment!.includes('?') ? '&' : '?';
  const query = new URLSearchParams(withoutFragment!.split('?')[1] ?? '');
  const added = [
    ...(query.has('response_type') ? [] : [['response_type', 'code']]),
    ['state', attempt.state],
    ['nonce', attempt.nonce],
    ['code_challenge', codeChallenge],
    ['code_challenge_method', 'S256'],
  ];
  return `${withoutFragment}${joiner}${added.map(([name, value]) => `${name}=${encodeURIComponent(value!)}`).join('&')}`;
}

/** The parameters a sign-in answer leaves in the address, which the page removes once read. */
export const ANSWER_PARAMETERS = ['code', 'state', 'error', 'error_description'] as const;

/**
 * Judges the address a sign-in redirect left. Neither a `code` nor an `error` in the query, nor an
 * `id_token` in the fragment: nothing to judge. A code is worth exchanging only for the attempt this
 * tab started. An `id_token` in the fragment is always refused: that is the implicit grant, which
 * neither Cognito's client nor the local issuer answers with any more, so one there was planted.
 */
export function judgeAnswer(search: string, hash: string, expected: SignInAttempt | null): AnswerVerdict {
  const query = new URLSearchParams(search.replace(/^\?/, ''));
  if (new URLSearchParams(hash.replace(/^#/, '')).has('id_token')) return { kind: 'rejected' };
  const code = query.get('code');
  if (!code && !query.has('error')) return { kind: 'none' };
  if (!code || !expected || !sameText(query.get('state'), expected.state)) return { kind: 'rejected' };
  return { kind: 'exchange', code };
}

/**
 * The token request (RFC 6749 §4.1.3 with RFC 7636 §4.5): a form POST to the token endpoint beside
 * the authorize endpoint (Cognito: /oauth2/authorize → /oauth2/token; the local issuer:
 * /auth/sign-in → /auth/token), with the client_id and redirect_uri the sign-in URL carried.
 * `base` resolves a relative sign-in URL (the page's own address).
 */
export function tokenRequestFor(attempt: SignInAttempt, code: string, base: string): { url: string; body: URLSearchParams } {
  const authorize = new URL(attempt.signInUrl, base);
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: attempt.verifier });
  for (const name of ['client_id', 'redirect_uri']) {
    const value = authorize.searchParams.get(name);
    if (value) body.set(name, value);
  }
  return { url: new URL('token', `${authorize.origin}${authorize.pathname}`).href, body };
}

/** Accepts the token endpoint's ID token only when it carries this attempt's nonce. */
export function judgeToken(token: unknown, expected: SignInAttempt): TokenVerdict {
  if (typeof token !== 'string' || !sameText(nonceOf(token), expected.nonce)) return { kind: 'rejected' };
  return { kind: 'accepted', token };
}

/** The token's `nonce` claim, read without verifying: the API checks the signature on every call. */
export function nonceOf(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as { nonce?: unknown };
    return typeof claims.nonce === 'string' ? claims.nonce : null;
  } catch {
    return null;
  }
}

function sameText(actual: string | null, expected: string): boolean {
  return actual !== null && expected.length > 0 && actual === expected;
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
