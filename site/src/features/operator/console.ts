import { $, toast } from '../pavilion/dom.js';
import { customsCsv, customsDocument, sessionConfig, whoAmI, type CustomsDocument } from './api.js';
import { documentView } from './document-view.js';
import { saveFile } from './download.js';
import { applyLanguage, currentLanguage, isConsoleLanguage, setLanguage, tr, type WordKey } from './i18n.js';
import { orderIdFrom } from './order-id.js';
import { refusalMessage, type Refusal } from './refusal.js';
import { beginSignIn, captureTokenFromUrl, currentToken, forgetToken } from './session.js';

/**
 * The operator console: sign in (the workspace's flow, returning here), then look up a paid order's
 * customs document and save it as CSV. The document lives in this module's memory only: never in
 * storage, never in the address bar; signing out or leaving the page drops it.
 */
const form = $<HTMLFormElement>('[data-lookup]');
const input = $<HTMLInputElement>('[data-order-id]');
const result = $('[data-result]');
const message = $('[data-result-message]');
const HINT_ID = 'op-order-hint';
let shown: CustomsDocument | null = null;
/** What the result area says, kept as a function so a language change can say it again. */
let saying: (() => string) | null = null;

async function start(): Promise<void> {
  applyLanguage();
  wireChrome();
  if ((await captureTokenFromUrl()) === 'rejected') return showSignIn('rejected');
  if (!currentToken()) return showSignIn('none');
  let me: Awaited<ReturnType<typeof whoAmI>>;
  try {
    me = await whoAmI();
  } catch {
    return toast(tr('result.network'), 'bad');
  }
  if (me.kind === 'signed-out' || me.kind === 'forbidden') return refuse(me);
  // Anything else is the server's trouble, not the account's: said, and the console stays closed.
  if (me.kind !== 'ok') return toast(me.kind === 'failed' ? tr('result.failed', { reason: me.reason }) : tr('result.network'), 'bad');
  document.body.dataset.state = 'ready';
  $('[data-console]').hidden = false;
  input.focus();
  // The other sections (hub.ts) load once an operator is in.
  document.dispatchEvent(new CustomEvent('operator:ready'));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const orderId = orderIdFrom(input.value);
  if (!orderId) {
    input.setAttribute('aria-invalid', 'true');
    return say(() => tr('lookup.invalid'));
  }
  input.removeAttribute('aria-invalid');
  input.value = orderId;
  show(null);
  say(() => tr('common.loading'), 'info');
  let answer: Awaited<ReturnType<typeof customsDocument>>;
  try {
    answer = await customsDocument(orderId);
  } catch {
    return say(() => tr('result.network'));
  }
  if (answer.kind !== 'ok') return refuse(answer, orderId);
  say(null);
  show(answer.document);
  // Read out what was found: the document's heading, rather than a silent change below the form.
  $('#op-doc-title', result).focus();
});

async function download(): Promise<void> {
  if (!shown) return;
  const { orderId } = shown;
  let answer: Awaited<ReturnType<typeof customsCsv>>;
  try {
    answer = await customsCsv(orderId);
  } catch {
    return toast(tr('result.network'), 'bad');
  }
  if (answer.kind !== 'ok') return refuse(answer, orderId);
  saveFile(answer.blob, answer.fileName);
  toast(tr('doc.downloaded', { name: answer.fileName }));
}

/** Who is signed in is the sign-in panel's business; everything about the order is said beside the form. */
function refuse(refusal: Refusal, orderId = ''): void {
  if (refusal.kind === 'signed-out') return void showSignIn('expired');
  if (refusal.kind === 'forbidden') return void showSignIn('forbidden');
  say(() => refusalMessage(refusal, orderId, currentLanguage()));
}

function show(next: CustomsDocument | null): void {
  shown = next;
  // Drawn again in another language: the reader stays on the heading they were on.
  const onHeading = document.activeElement?.id === 'op-doc-title';
  result.replaceChildren(...(next ? [documentView(next, () => void download())] : []));
  if (next && onHeading) $('#op-doc-title', result).focus();
}

/** The result area's message; a refusal is about the order number typed, so the input points to it. */
function say(text: (() => string) | null, kind: 'info' | 'bad' = 'bad'): void {
  saying = text;
  message.hidden = text === null;
  message.textContent = text ? text() : '';
  message.className = kind === 'bad' ? 'ws-alert ws-alert--bad' : 'op-info';
  input.setAttribute('aria-describedby', text && kind === 'bad' ? `${HINT_ID} ${message.id}` : HINT_ID);
}

type SignInReason = 'none' | 'expired' | 'forbidden' | 'rejected';

const SIGN_IN_MESSAGES: Record<Exclude<SignInReason, 'none'>, WordKey> = {
  expired: 'signin.expired',
  forbidden: 'signin.forbidden',
  rejected: 'signin.rejected',
};

async function showSignIn(reason: SignInReason): Promise<void> {
  // A manager's (or an expired) token is of no use here: dropped with whatever was on screen.
  if (reason !== 'none') forgetToken();
  show(null);
  say(null);
  $('[data-console]').hidden = true;
  const panel = $('[data-signin]');
  panel.hidden = false;
  const notice = $('[data-signin-message]');
  notice.hidden = reason === 'none';
  if (reason !== 'none') notice.dataset.i18n = SIGN_IN_MESSAGES[reason];
  applyLanguage(panel);
  const link = $<HTMLAnchorElement>('[data-signin-link]');
  link.href = await beginSignIn((await sessionConfig()).signInUrl);
  // Signed out, and ready to sign in, only once the link carries this tab's state, nonce and challenge: a click on
  // the bare link before the config arrives would start a sign-in whose answer the tab must refuse.
  document.body.dataset.state = 'signed-out';
  link.focus();
}

function wireChrome(): void {
  const select = $<HTMLSelectElement>('[data-op-lang]');
  select.value = currentLanguage();
  select.addEventListener('change', () => {
    if (isConsoleLanguage(select.value)) setLanguage(select.value);
  });
  // Figures and dates follow the language: the document is drawn again from memory, the message said again.
  document.addEventListener('operator:language', () => {
    show(shown);
    if (saying) message.textContent = saying();
  });
  $('[data-sign-out]').addEventListener('click', async () => {
    forgetToken();
    show(null);
    // As in the workspace: end the identity provider's session too, or the next person is signed straight back in.
    const { signOutUrl } = await sessionConfig();
    if (signOutUrl) location.assign(signOutUrl);
    else await showSignIn('none');
  });
}

// Last, once every constant above exists: start() may reach showSignIn before its first await.
void start();
