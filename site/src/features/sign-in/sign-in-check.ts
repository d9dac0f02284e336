/**
 * Binds a sign-in's answer to the tab that asked for it (OpenID Connect Core 1.0, §3.2.2.5 and
 * §15.5.2): before leaving for the sign-in page the tab keeps a random `state` and `nonce`; the
 * answer counts only when the fragment carries the same `state` and the ID token the same `nonce`.
 * Without this, a link `/pavilion/#id_token=<someone else's token>` would sign the manager into
 * another person's pavilion (or `/operator/#id_token=…` the operator into another account).
 * Pure: storage and the address bar are token-session.ts's business.
 */
export interface SignInAttempt {
  readonly state: string;
  readonly nonce: string;
}

export type FragmentVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'accepted'; readonly token: string }
  | { readonly kind: 'rejected' };

/** 128 random bits each, base64url, from the platform's CSPRNG. */
export function newSignInAttempt(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): SignInAttempt {
  const value = () => base64url(random(new Uint8Array(16)));
  return { state: value(), nonce: value() };
}

/** The sign-in URL with the attempt's values added (Cognito's /oauth2/authorize takes both with response_type=token). */
export function signInUrlFor(signInUrl: string, attempt: SignInAttempt): string {
  const [withoutFragment] = signInUrl.split('#');
  const joiner = withoutFragment!.includes('?') ? '&' : '?';
  return `${withoutFragment}${joiner}state=${encodeURIComponent(attempt.state)}&nonce=${encodeURIComponent(attempt.nonce)}`;
}

/**
 * Judges the fragment a sign-in redirect left. No `id_token` in it: nothing to judge. Otherwise the
 * token is accepted only for the attempt this tab started; anything else is dropped.
 */
export function judgeFragment(hash: string, expected: SignInAttempt | null): FragmentVerdict {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const token = fragment.get('id_token');
  if (!token) return { kind: 'none' };
  if (!expected || !sameText(fragment.get('state'), expected.state)) return { kind: 'rejected' };
  if (!sameText(nonceOf(token), expected.nonce)) return { kind: 'rejected' };
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

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
