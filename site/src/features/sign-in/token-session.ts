import { judgeFragment, newSignInAttempt, signInUrlFor, type SignInAttempt } from './sign-in-check.js';

/**
 * A signed-in person's token, kept in sessionStorage only: it comes back from sign-in in the URL
 * fragment (`#id_token=…&state=…`, never sent to any server), is moved out of the address bar at
 * once, and is gone when the tab closes. It is taken only when it answers the sign-in this tab
 * started (sign-in-check.ts). The API verifies it on every call; nothing here trusts it further.
 *
 * Each page family (the pavilion workspace, the operator console) keeps its own keys, so signing in
 * on one never hands its token to the other.
 */
export interface TokenSessionKeys {
  /** sessionStorage key of the token. */
  readonly token: string;
  /** sessionStorage key of the pending sign-in's state and nonce. */
  readonly attempt: string;
}

export interface TokenSession {
  /**
   * Starts a sign-in: keeps a fresh state and nonce for this tab and returns the URL to send the
   * person to. Called whenever the sign-in link is shown, so the link always carries this tab's values.
   */
  beginSignIn(signInUrl: string): string;
  /**
   * Takes the token from the fragment the sign-in redirect left, if it answers this tab's sign-in.
   * 'rejected' means a token was there but not for us (a planted link, or a stale one): it is dropped.
   */
  captureTokenFromUrl(): 'none' | 'accepted' | 'rejected';
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
      return typeof parsed.state === 'string' && typeof parsed.nonce === 'string' ? { state: parsed.state, nonce: parsed.nonce } : null;
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
    beginSignIn(signInUrl) {
      const attempt = newSignInAttempt();
      try {
        sessionStorage.setItem(keys.attempt, JSON.stringify(attempt));
      } catch {
        memoryAttempt = attempt;
      }
      return signInUrlFor(signInUrl, attempt);
    },

    captureTokenFromUrl() {
      const verdict = judgeFragment(location.hash, pendingAttempt());
      if (verdict.kind === 'none') return 'none';
      // One answer per attempt, whatever it was; and the token leaves the address bar either way.
      forgetAttempt();
      history.replaceState(null, '', location.pathname + location.search);
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

function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}
