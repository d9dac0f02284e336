import { codeChallengeOf } from './pkce.js';
import { ANSWER_PARAMETERS, judgeAnswer, judgeToken, newSignInAttempt, signInUrlFor, tokenRequestFor, type SignInAttempt } from './sign-in-check.js';

/**
 * A signed-in person's token, kept in sessionStorage only and gone when the tab closes. Sign-in is
 * the authorization code flow with PKCE (sign-in-check.ts, pkce.ts): the sign-in page returns with
 * `?code=…&state=…`, which leaves the address bar at once; the code is exchanged at the token
 * endpoint, with this tab's code_verifier, for the ID token, which never appears in any URL. Only an
 * answer to the sign-in this tab started is exchanged, and only a token with its nonce is kept. The
 * API verifies the token on every call; nothing here trusts it further.
 *
 * Each page family (the pavilion workspace, the operator console) keeps its own keys, so signing in
 * on one never hands its token to the other.
 */
export interface TokenSessionKeys {
  /** sessionStorage key of the token. */
  readonly token: string;
  /** sessionStorage key of the pending sign-in's state, nonce and code_verifier. */
  readonly attempt: string;
}

export interface TokenSession {
  /**
   * Starts a sign-in: keeps a fresh state, nonce and code_verifier for this tab and returns the URL
   * to send the person to. Called whenever the sign-in link is shown, so the link always carries this
   * tab's values.
   */
  beginSignIn(signInUrl: string): Promise<string>;
  /**
   * Exchanges the code the sign-in redirect left for the ID token, if it answers this tab's sign-in.
   * 'rejected' means an answer was there but not for us (a planted link, a stale one, a refused
   * exchange, a token in the fragment): it is dropped.
   */
  captureTokenFromUrl(): Promise<'none' | 'accepted' | 'rejected'>;
  currentToken(): string | null;
  forgetToken(): void;
}

export function createTokenSession(keys: TokenSessionKeys): TokenSession {
  // Where storage is blocked, the attempt and the token live for this page only.
  let memoryAttempt: SignInAttempt | null = null;
  let memoryToken: string | null = null;

  function pendingAttempt(): SignInAttempt | null {
    let stored: string | null = null;
    try {
      stored = sessionStorage.getItem(keys.attempt);
    } catch {
      return memoryAttempt;
    }
    if (!stored) return memoryAttempt;
    try {
      const parsed = JSON.parse(stored) as Partial<SignInAttempt>;
      const { state, nonce, verifier, signInUrl } = parsed;
      return typeof state === 'string' && typeof nonce === 'string' && typeof verifier === 'string' && typeof signInUrl === 'string'
        ? { state, nonce, verifier, signInUrl }
        : null;
    } catch {
      return null;
    }
  }

  function forgetAttempt(): void {
    memoryAttempt = null;
    try {
      sessionStorage.removeItem(keys.attempt);
    } catch {
      // Nothing stored.
    }
  }

  function forgetToken(): void {
    memoryToken = null;
    try {
      sessionStorage.removeItem(keys.token);
    } catch {
      // Nothing stored.
    }
  }

  return {
    async beginSignIn(signInUrl) {
      const attempt = newSignInAttempt(signInUrl);
      try {
        sessionStorage.setItem(keys.attempt, JSON.stringify(attempt));
      } catch {
        memoryAttempt = attempt;
      }
      return signInUrlFor(attempt, await codeChallengeOf(attempt.verifier));
    },

    async captureTokenFromUrl() {
      const attempt = pendingAttempt();
      const answer = judgeAnswer(location.search, location.hash, attempt);
      if (answer.kind === 'none') return 'none';
      // One answer per attempt, whatever it was; and the code (or a token) leaves the address bar either way.
      forgetAttempt();
      history.replaceState(null, '', withoutAnswer(location));
      const verdict = answer.kind === 'exchange' && attempt ? judgeToken(await exchange(attempt, answer.code), attempt) : ({ kind: 'rejected' } as const);
      if (verdict.kind === 'rejected') {
        forgetToken();
        return 'rejected';
      }
      try {
        sessionStorage.setItem(keys.token, verdict.token);
      } catch {
        memoryToken = verdict.token;
      }
      return 'accepted';
    },

    currentToken() {
      let token: string | null = memoryToken;
      try {
        token = sessionStorage.getItem(keys.token) ?? memoryToken;
      } catch {
        // Storage blocked: memory only.
      }
      if (!token) return null;
      // Only to spare a doomed request: the server checks expiry itself.
      const expiresAt = expiryOf(token);
      if (expiresAt !== null && expiresAt * 1000 < Date.now()) {
        forgetToken();
        return null;
      }
      return token;
    },

    forgetToken,
  };
}

/** The ID token the token endpoint gives for the code, or null when it refuses (a wrong verifier, a used or expired code). */
async function exchange(attempt: SignInAttempt, code: string): Promise<unknown> {
  const request = tokenRequestFor(attempt, code, location.href);
  try {
    const response = await fetch(request.url, { method: 'POST', body: request.body, credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return null;
    return ((await response.json()) as { id_token?: unknown }).id_token ?? null;
  } catch {
    return null;
  }
}

/** The page's own address without the sign-in answer (other query parameters, such as the editor's ?id=, stay). */
function withoutAnswer(address: Location): string {
  const query = new URLSearchParams(address.search);
  for (const name of ANSWER_PARAMETERS) query.delete(name);
  const rest = query.toString();
  return address.pathname + (rest ? `?${rest}` : '');
}

function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}
