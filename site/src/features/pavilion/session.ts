/**
 * The manager's token lives in sessionStorage only: it comes back from sign-in in the URL
 * fragment (`#id_token=…`, never sent to any server), is moved out of the address bar at once,
 * and is gone when the tab closes. The API verifies it on every call; nothing here trusts it.
 */
const TOKEN_KEY = 'sco-pavilion-token';

/** Takes a token from the fragment the sign-in redirect left (local issuer and Cognito both use id_token). */
export function captureTokenFromUrl(): void {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('id_token') ?? fragment.get('token');
  if (!token) return;
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Without storage the token lives for this page only.
    memoryToken = token;
  }
  history.replaceState(null, '', location.pathname + location.search);
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
