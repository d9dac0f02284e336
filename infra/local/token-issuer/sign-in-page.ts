import type { Pavilion } from '../../../functions/domain/pavilion.js';
import type { SignInBinding } from './issuer.js';
import type { InvitedManager } from './managers.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The local stand-in for Cognito's managed login: one demo manager per pavilion, one click each,
 * and the demo operator below them. The request's state, nonce, code_challenge and redirect_uri go along as hidden
 * fields, so the answer carries them, and returns where it was asked to, as Cognito's does.
 */
export function signInPage(pavilions: readonly Pavilion[], action: string, binding: SignInBinding = {}, invited: readonly InvitedManager[] = []): string {
  const fields = { state: binding.state, nonce: binding.nonce, code_challenge: binding.codeChallenge, redirect_uri: binding.redirectUri };
  const carried = Object.entries(fields)
    .map(([name, value]) => (value ? `\n        <input type="hidden" name="${name}" value="${escape(value)}">` : ''))
    .join('');
  const rows = pavilions
    .map(
      (pavilion) => `
      <li><form method="post" action="${escape(action)}">
        <input type="hidden" name="pavilion" value="${escape(pavilion.code)}">${carried}
        <button type="submit"><span class="flag" aria-hidden="true">${escape(pavilion.flag)}</span>
          <span><strong>${escape(pavilion.name.en)}</strong> · ${escape(pavilion.name.ru)} · ${escape(pavilion.name.zh)}</span>
          <small>Demo manager, ${escape(pavilion.code)} pavilion</small></button>
      </form></li>`,
    )
    .join('');
  // Managers operators invited from the console (in AWS, Cognito mails them a temporary password instead).
  const invitedRows = invited
    .map(
      (manager) => `
      <li><form method="post" action="${escape(action)}">
        <input type="hidden" name="manager" value="${escape(manager.subject)}">${carried}
        <button type="submit"><span class="flag" aria-hidden="true">✉️</span>
          <span><strong>${escape(manager.email)}</strong></span>
          <small>Invited manager, ${escape(manager.pavilion)} pavilion</small></button>
      </form></li>`,
    )
    .join('');
  const invitedSection = invited.length ? `\n  <h2>Invited managers</h2>\n  <ul>${invitedRows}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Sign in · SCO Bazaar pavilions (local)</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f4ef; color: #1d1d1b; }
  main { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  p { margin: 0 0 1.5rem; color: #555; }
  ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
  button { width: 100%; display: grid; grid-template-columns: 2.5rem 1fr; grid-template-rows: auto auto; column-gap: .75rem; text-align: left;
    padding: .75rem 1rem; border: 1px solid #d8d3c8; border-radius: .5rem; background: #fff; font: inherit; cursor: pointer; }
  button:hover, button:focus-visible { border-color: #1d5c8c; outline: 2px solid #1d5c8c; outline-offset: 1px; }
  .flag { grid-row: span 2; font-size: 1.75rem; line-height: 1; align-self: center; }
  small { color: #666; }
</style></head>
<body><main>
  <h1>Sign in to SCO Bazaar</h1>
  <p>Local development sign-in: pick a demo manager, or the demo operator below. In AWS this page is Cognito's managed login.</p>
  <ul>${rows}</ul>${invitedSection}
  <h2>Operators</h2>
  <p>Operators read every paid order's customs document (the buyer's ID number in full) in the operator console. In AWS: a member of the Cognito group <code>operators</code>.</p>
  <ul>
      <li><form method="post" action="${escape(action)}">
        <input type="hidden" name="role" value="operator">${carried}
        <button type="submit"><span class="flag" aria-hidden="true">🛃</span>
          <span><strong>Demo operator</strong> · Оператор · 运营人员</span>
          <small>Opens the operator console, /operator/</small></button>
      </form></li>
  </ul>
</main></body></html>`;
}
