import { judgeFragment, newSignInAttempt, signInUrlFor, type SignInAttempt } from './sign-in-check.js';

/**
 * The manager's token lives in sessionStorage only: it comes back from sign-in in the URL
 * fragment (`#id_token=…&state=…`, never sent to any server), is moved out of the address bar at
 * once, and is gone when the tab closes. It is taken only when it answers the sign-in this tab
 * started (sign-in-check.ts). The API verifies it on every call; nothing here trusts it further.
 */
const TOKEN_KEY = 'sco-pavilion-token';
const ATTEMPT_KEY = 'sco-pavilion-sign-in';

/**
 * Starts a sign-in: keeps a fresh state and nonce for this tab and returns the URL to send the
 * manager to. Called whenever the sign-in link is shown, so the link always carries this tab's values.
 */
export function beginSignIn(signInUrl: string): string {
  const attempt = newSignInAttempt();
  try {
    sessionStorage.setItem(ATTEMPT_KEY, JSON.stringify(attempt));
  } catch {
    memoryAttempt = attempt;
  }
  return signInUrlFor(signInUrl, attempt);
}

let memoryAttempt: SignInAttempt | null = null;

/**
 * Takes the token from the fragment the sign-in redirect left, if it answers this tab's sign-in.
 * 'rejected' means a token was there but not for us (a planted link, or a stale one): it is dropped.
 */
export function captureTokenFromUrl(): 'none' | 'accepted' | 'rejected' {
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
    sessionStorage.setItem(TOKEN_KEY, verdict.token);
  } catch {
    // Without storage the token lives for this page only.
    memoryToken = verdict.token;
  }
  return 'accepted';
}

function pendingAttempt(): SignInAttempt | null {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(ATTEMPT_KEY);
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
    sessionStorage.removeItem(ATTEMPT_KEY);
  } catch {
    // Nothing stored.
  }
}

let memoryToken: string | null = null;

export function currentToken(): string | null {
  let token: string | null = memoryToken;
  try {
    token = sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
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
}

export function forgetToken(): void {
  memoryToken = null;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored.
  }
}

function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}
