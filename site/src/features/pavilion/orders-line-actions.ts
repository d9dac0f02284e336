import { ApiError, api } from './api.js';
import type { FulfilmentLine } from './api-types.js';
import { el, toast, type Child } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { dateTime } from './format.js';
import { tr, type WordKey } from './i18n.js';
import { fail } from './workspace.js';

/**
 * After the sale, in the orders queue: a line's refund and return as the pavilion sees them, and what
 * it may do about them (functions/http/pavilion/orders.ts): refund a line it cannot ship, accept or
 * decline a return, mark returned goods received. Each action opens a small form under its button
 * (the form is the confirmation step), and the API's answer, the line again, replaces the row.
 */
type Line = FulfilmentLine;

/** What the queue does with a line the API changed. */
export type LineChanged = (line: Line) => void;

const REFUND_REASONS = ['out_of_stock', 'damaged', 'other'] as const;
const CONDITIONS = ['resellable', 'damaged'] as const;

/** The line's refund and return, under its fulfilment badge. */
export function afterSaleNotes(line: Line): Child[] {
  const notes: Child[] = [];
  if (line.refund) {
    notes.push(el('span', { class: 'ws-badge', 'data-kind': `refund-${line.refund.status}`, 'data-refund': line.refund.status }, tr(`refund.${line.refund.status}` as WordKey)));
  }
  const back = line.return;
  if (back) {
    const text = tr(`return.${back.status}` as WordKey, {
      reason: back.status === 'declined' ? back.declineReason ?? '' : back.reason,
      date: dateTime(back.goodsDueBy),
      condition: back.condition ? tr(`condition.${back.condition}` as WordKey) : '',
    });
    notes.push(el('span', { class: 'ws-return-note', 'data-return': back.status }, text));
  }
  return notes;
}

/** What may be done with the line now, besides shipping it: refund it (not shipped), or step its return. */
export function afterSaleActions(line: Line, changed: LineChanged): HTMLElement | null {
  const actions: HTMLElement[] = [];
  if (line.fulfilment === 'to_ship') actions.push(refundAction(line, changed));
  if (line.return?.status === 'requested') actions.push(acceptAction(line, changed), declineAction(line, changed));
  if (line.return?.status === 'accepted') actions.push(receiveAction(line, changed));
  return actions.length > 0 ? el('div', { class: 'ws-after-sale' }, ...actions) : null;
}

const path = (line: Line, step: string) => `/orders/${line.orderId}/lines/${line.lineNo}/${step}`;
const idOf = (line: Line, what: string) => `${what}-${line.orderId}-${line.lineNo}`;

/** Sends one action; the line comes back changed, or its problem is shown in the form (fields) or a toast. */
async function send(line: Line, step: string, json: unknown, form: HTMLFormElement | null, done: WordKey, changed: LineChanged): Promise<void> {
  try {
    const updated = await api<Line>(path(line, step), { method: 'POST', ...(json === undefined ? {} : { json }) });
    changed(updated);
    toast(tr(done));
  } catch (error) {
    if (error instanceof ApiError && error.errors.length > 0 && form) showFieldErrors(form, error.errors);
    else if (error instanceof ApiError) toast(error.detail ? `${error.title}: ${error.detail}` : error.title, 'bad');
    else await fail(error);
  }
}

/** A button that opens its form in place (and the form's cancel that closes it again). */
function disclosure(opener: string, testid: string, form: HTMLFormElement): HTMLElement {
  const open = el('button', { type: 'button', class: 'button button--small button--ghost', 'data-action': testid, 'aria-expanded': 'false' }, opener);
  form.hidden = true;
  const show = (shown: boolean) => {
    form.hidden = !shown;
    open.hidden = shown;
    open.setAttribute('aria-expanded', String(shown));
    (shown ? form.querySelector<HTMLElement>('select, input, textarea, button[type=submit]') : open)?.focus();
  };
  open.addEventListener('click', () => show(true));
  form.append(
    el('div', { class: 'ws-confirm-actions' },
      ...[...form.querySelectorAll('[data-submit]')],
      el('button', { type: 'button', class: 'button button--small button--ghost', onclick: (() => show(false)) as EventListener }, tr('common.cancel'))),
  );
  return el('div', { class: 'ws-disclosure' }, open, form);
}

function refundAction(line: Line, changed: LineChanged): HTMLElement {
  const reasonId = idOf(line, 'refund-reason');
  const noteId = idOf(line, 'refund-note');
  const form = el(
    'form',
    { class: 'ws-after-sale-form', novalidate: true, 'data-form': 'refund' },
    el('div', { class: 'field' }, el('label', { for: reasonId }, tr('refund.reason')),
      el('select', { id: reasonId, name: 'reason' }, ...REFUND_REASONS.map((reason) => el('option', { value: reason }, tr(`refund.reason.${reason}`)))),
      el('span', { class: 'field-error' })),
    el('div', { class: 'field' }, el('label', { for: noteId }, tr('refund.note')), el('input', { id: noteId, name: 'note', maxlength: 500, autocomplete: 'off' }), el('span', { class: 'field-error' })),
    el('p', { class: 'ws-confirm-text' }, tr('refund.confirm')),
    el('button', { type: 'submit', class: 'button button--small button--danger', 'data-submit': '' }, tr('refund.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    void send(line, 'refund', { reason: String(data.get('reason')), ...(note ? { note } : {}) }, form, 'refund.done', changed);
  });
  return disclosure(tr('refund.open'), 'refund', form);
}

function acceptAction(line: Line, changed: LineChanged): HTMLElement {
  return el('button', {
    type: 'button', class: 'button button--small', 'data-action': 'accept-return',
    onclick: (() => void send(line, 'return/accept', undefined, null, 'return.acceptedDone', changed)) as EventListener,
  }, tr('return.accept'));
}

function declineAction(line: Line, changed: LineChanged): HTMLElement {
  const reasonId = idOf(line, 'decline-reason');
  const form = el(
    'form',
    { class: 'ws-after-sale-form', novalidate: true, 'data-form': 'decline' },
    el('div', { class: 'field' }, el('label', { for: reasonId }, tr('return.declineReason')),
      el('input', { id: reasonId, name: 'reason', required: true, minlength: 3, maxlength: 500, autocomplete: 'off' }), el('span', { class: 'field-error' })),
    el('button', { type: 'submit', class: 'button button--small button--danger', 'data-submit': '' }, tr('return.declineSubmit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(line, 'return/decline', { reason: String(new FormData(form).get('reason') ?? '') }, form, 'return.declinedDone', changed);
  });
  return disclosure(tr('return.decline'), 'decline-return', form);
}

function receiveAction(line: Line, changed: LineChanged): HTMLElement {
  const conditionId = idOf(line, 'condition');
  const form = el(
    'form',
    { class: 'ws-after-sale-form', novalidate: true, 'data-form': 'received' },
    el('div', { class: 'field' }, el('label', { for: conditionId }, tr('return.condition')),
      el('select', { id: conditionId, name: 'condition' }, ...CONDITIONS.map((condition) => el('option', { value: condition }, tr(`condition.${condition}`)))),
      el('span', { class: 'field-error' })),
    el('button', { type: 'submit', class: 'button button--small', 'data-submit': '' }, tr('return.receiveSubmit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(line, 'return/received', { condition: String(new FormData(form).get('condition')) }, form, 'return.receivedDone', changed);
  });
  return disclosure(tr('return.receive'), 'return-received', form);
}
