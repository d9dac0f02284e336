import { STOCK_REASONS } from '../../../../functions/domain/stock.js';
import { ApiError, api } from './api.js';
import { el, toast } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { tr, type WordKey } from './i18n.js';
import type { Listing } from './api-types.js';
import { fail } from './workspace.js';

/**
 * Add/remove units or set the counted units on hand, with a reason. On hand = free stock plus
 * what checkouts have reserved; the API refuses to go below the reserved units and says so,
 * and that message is shown under the number.
 */
export function stockForm(listing: Listing, onChanged: (listing: Listing) => void): HTMLFormElement {
  const uid = Math.random().toString(36).slice(2, 8);
  const amount = el('input', { type: 'number', name: 'delta', step: 1, required: true, id: `amount-${uid}`, 'aria-describedby': `amount-err-${uid}`, inputmode: 'numeric' });
  const amountLabel = el('span', {}, tr('stock.delta'));
  const mode = (value: 'adjust' | 'set', key: WordKey, checked: boolean) =>
    el('label', {}, el('input', { type: 'radio', name: `mode-${uid}`, value, checked }), ' ', tr(key));
  const reason = el('select', { name: 'reason', required: true }, ...STOCK_REASONS.filter((r) => r !== 'import').map((value) => el('option', { value }, tr(`reason.${value}` as WordKey))));
  const note = el('input', { type: 'text', name: 'note', maxlength: 200 });
  const hint = el('p', { class: 'field-hint' }, listing.reserved > 0 ? tr('stock.reservedHint', { n: listing.reserved }) : '');
  const banner = el('p', { class: 'ws-alert ws-alert--bad', hidden: true });

  const form = el(
    'form',
    { class: 'ws-stock-form', novalidate: true },
    el('fieldset', {}, el('legend', { class: 'visually-hidden' }, tr('stock.title')), mode('adjust', 'stock.adjust', true), mode('set', 'stock.set', false)),
    el('label', { class: 'field', for: amount.id }, amountLabel, amount, el('span', { class: 'field-error', id: `amount-err-${uid}` })),
    hint,
    el('label', { class: 'field' }, el('span', {}, tr('stock.reason')), reason, el('span', { class: 'field-error' })),
    el('label', { class: 'field' }, el('span', {}, tr('stock.note')), note, el('span', { class: 'field-error' })),
    banner,
    el('button', { type: 'submit', class: 'button' }, tr('stock.apply')),
  );

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type !== 'radio') return;
    const setting = target.value === 'set';
    amount.name = setting ? 'onHand' : 'delta';
    amount.min = setting ? '0' : '';
    amountLabel.textContent = tr(setting ? 'stock.onHand' : 'stock.delta');
    if (setting) reason.value = 'count';
    amount.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = Number(amount.value);
    if (amount.value.trim() === '' || !Number.isInteger(value)) {
      showFieldErrors(form, [{ field: amount.name, message: tr('stock.delta') }], banner);
      return;
    }
    const body = { [amount.name]: value, reason: reason.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    try {
      const after = await api<Listing>(`/listings/${listing.id}/stock`, { method: 'POST', json: body });
      toast(tr('stock.changed', { n: after.onHand }));
      onChanged(after);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) showFieldErrors(form, error.errors, banner);
      else if (error instanceof ApiError) showFieldErrors(form, [{ field: '(root)', message: error.detail ?? error.title }], banner);
      else await fail(error);
    }
  });
  return form;
}
