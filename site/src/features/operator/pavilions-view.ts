import { el } from '../pavilion/dom.js';
import type { OperatorPavilion } from './console-api.js';
import { chinaTime } from './format.js';
import { currentLanguage, locale, tr, type WordKey } from './i18n.js';

export interface PavilionActions {
  readonly onInvite: (code: string, email: string) => void;
  readonly onSuspend: (code: string, suspend: boolean, reason: string) => void;
}

/** Every pavilion with its standing, an invitation form, suspend or reinstate with a reason, and what operators did. */
export function pavilionsView(pavilions: readonly OperatorPavilion[], actions: PavilionActions): HTMLElement {
  const at = locale();
  const lang = currentLanguage();
  return el(
    'ul',
    { class: 'op-pavilions', 'data-testid': 'pavilion-list' },
    ...pavilions.map((pavilion) => {
      const id = `op-pav-${pavilion.code}`;
      const suspended = pavilion.status === 'suspended';
      const email = el('input', { type: 'email', id: `${id}-email`, autocomplete: 'off', 'data-invite-email': true });
      const reason = el('input', { type: 'text', id: `${id}-reason`, maxlength: 500, 'data-suspend-reason': true });
      const invite = el('form', { class: 'op-inline', novalidate: true, 'data-invite': pavilion.code },
        el('label', { class: 'field', for: `${id}-email` }, el('span', {}, tr('pavilions.inviteEmail'))),
        el('div', { class: 'op-lookup-row' }, email, el('button', { type: 'submit', class: 'button button--small' }, tr('pavilions.invite'))),
      );
      invite.addEventListener('submit', (event) => {
        event.preventDefault();
        actions.onInvite(pavilion.code, email.value.trim());
      });
      const standing = el('form', { class: 'op-inline', novalidate: true, 'data-standing': pavilion.code },
        el('label', { class: 'field', for: `${id}-reason` }, el('span', {}, tr('pavilions.reason'))),
        el('div', { class: 'op-lookup-row' }, reason,
          el('button', { type: 'submit', class: suspended ? 'button button--small' : 'button button--small button--danger', 'data-standing-submit': true }, tr(suspended ? 'pavilions.reinstate' : 'pavilions.suspend'))),
        suspended ? '' : el('span', { class: 'field-hint' }, tr('pavilions.suspendHint')),
      );
      standing.addEventListener('submit', (event) => {
        event.preventDefault();
        actions.onSuspend(pavilion.code, !suspended, reason.value.trim());
      });
      return el(
        'li',
        { class: 'ws-card', 'data-pavilion': pavilion.code, 'data-status': pavilion.status },
        el('h3', { id }, el('span', { 'aria-hidden': 'true' }, pavilion.flag), ' ', pavilion.name[lang], ' ', el('code', {}, pavilion.code), ' ',
          el('span', { class: 'ws-badge', 'data-kind': suspended ? 'rejected' : 'active', 'data-testid': 'pavilion-status' }, tr(suspended ? 'pavilions.suspended' : 'pavilions.active'))),
        pavilion.suspension
          ? el('p', { class: 'op-meta' }, tr('pavilions.suspendedNote', { time: chinaTime(pavilion.suspension.at, at), by: pavilion.suspension.by, reason: pavilion.suspension.reason }))
          : '',
        el('div', { class: 'op-parties' }, invite, standing),
        pavilion.actions.length
          ? el('details', {}, el('summary', {}, `${tr('pavilions.actions')} (${pavilion.actions.length})`),
              el('ol', { class: 'op-history' }, ...pavilion.actions.map((action) =>
                el('li', {}, el('time', { datetime: action.at }, chinaTime(action.at, at)), ` · ${action.operator} · `,
                  tr(`pavilions.action.${action.action}` as WordKey, { invitee: action.invitee ?? '', reason: action.reason ?? '' }))))) : '',
      );
    }),
  );
}
