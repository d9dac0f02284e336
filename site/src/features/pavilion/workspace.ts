import { ApiError, SignedOut, api, sessionConfig } from './api.js';
import type { Workspace } from './api-types.js';
import { $, toast } from './dom.js';
import { WORKSPACE_LANGUAGES, applyLanguage, currentLanguage, setLanguage, tr, type WordKey, type WorkspaceLanguage } from './i18n.js';
import { beginSignIn, captureTokenFromUrl, currentToken, forgetToken } from './session.js';

/**
 * Every workspace page starts here: language, the token from the sign-in redirect, and who the
 * manager is (GET /me). Without a valid token the sign-in panel shows instead of the page.
 */
export async function startWorkspace(): Promise<Workspace | null> {
  applyLanguage();
  wireChrome();
  if ((await captureTokenFromUrl()) === 'rejected') {
    await showSignIn('rejected');
    return null;
  }
  if (!currentToken()) {
    await showSignIn('none');
    return null;
  }
  try {
    const me = await api<Workspace>('/me');
    const badge = $('[data-pavilion]');
    const paint = () => (badge.textContent = `${me.pavilion.flag} ${me.pavilion.name[currentLanguage()]}`);
    paint();
    document.addEventListener('workspace:language', paint);
    document.body.dataset.state = 'ready';
    $('[data-workspace]').hidden = false;
    return me;
  } catch (error) {
    await fail(error);
    return null;
  }
}

/** What every page does with an error it did not expect: sign in again, or say what happened. */
export async function fail(error: unknown): Promise<void> {
  if (error instanceof SignedOut) return showSignIn(error.reason);
  if (error instanceof ApiError) return toast(error.detail ? `${error.title}: ${error.detail}` : error.title, 'bad');
  if (error instanceof TypeError) return toast(tr('error.network'), 'bad');
  console.error(error);
  toast(String(error), 'bad');
}

/** Why the sign-in panel shows: the API's reasons, or a sign-in answer this tab did not ask for. */
type SignInReason = SignedOut['reason'] | 'rejected';

const SIGN_IN_MESSAGES: Record<Exclude<SignInReason, 'none'>, WordKey> = {
  expired: 'signin.expired',
  forbidden: 'signin.forbidden',
  rejected: 'signin.rejected',
};

async function showSignIn(reason: SignInReason): Promise<void> {
  $('[data-workspace]').hidden = true;
  const panel = $('[data-signin]');
  panel.hidden = false;
  const message = $('[data-signin-message]');
  message.hidden = reason === 'none';
  if (reason !== 'none') message.dataset.i18n = SIGN_IN_MESSAGES[reason];
  applyLanguage(panel);
  const link = $<HTMLAnchorElement>('[data-signin-link]');
  link.href = await beginSignIn((await sessionConfig()).signInUrl);
  // Signed out, and ready to sign in, only once the link carries this tab's state, nonce and challenge: a click on
  // the bare link before the config arrives would start a sign-in whose answer the tab must refuse.
  document.body.dataset.state = 'signed-out';
  link.focus();
}

function wireChrome(): void {
  const select = $<HTMLSelectElement>('[data-ws-lang]');
  select.value = currentLanguage();
  select.addEventListener('change', () => {
    if ((WORKSPACE_LANGUAGES as readonly string[]).includes(select.value)) setLanguage(select.value as WorkspaceLanguage);
  });
  $('[data-sign-out]').addEventListener('click', async () => {
    forgetToken();
    // Forgetting the token is not enough on a shared computer: the identity provider's own session
    // would sign the next person straight back in. Its sign-out page ends it and returns here.
    const { signOutUrl } = await sessionConfig();
    if (signOutUrl) location.assign(signOutUrl);
    else await showSignIn('none');
  });
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (new URL(link.href).pathname === location.pathname) link.setAttribute('aria-current', 'page');
  }
}
