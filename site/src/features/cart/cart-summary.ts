import { paymentMethodsFor } from '../../../../functions/domain/payment-methods.js';
import type { CartView } from './api-types.js';
import { figureRows } from './checkout-figures.js';
import { required } from './dom.js';
import type { Island } from './island.js';
import { checkoutBlocker } from './notes.js';
import { rateDate, ratesText } from './rates.js';

/**
 * The cart's summary beside its lines: subtotals per pavilion currency, then goods, freight and
 * import tax and the total in the checkout currency, the rates used, and China's limits with what
 * this order counts toward them. Every figure is the API's (functions/http/schemas/cart.ts).
 */
export function renderSummary(island: Island, view: CartView): void {
  const { root, t, money, locale } = island;
  const currencyLabel = (code: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  required<HTMLElement>(root, '[data-subtotals]').replaceChildren(
    ...view.subtotals.map((subtotal) => {
      const row = document.createElement('div');
      const label = document.createElement('dt');
      label.textContent = t('cart.subtotal', { currency: currencyLabel(subtotal.currency) });
      const value = document.createElement('dd');
      value.textContent = money(subtotal);
      row.append(label, value);
      return row;
    }),
  );

  for (const row of figureRows(view.checkoutTotal)) {
    const cell = required<HTMLElement>(root, `[data-testid="cart-${row.name}"]`);
    cell.textContent = row.free ? t('cart.freightFree') : money(row.value);
    cell.dataset.amount = String(row.value.amount);
    cell.dataset.currency = row.value.currency;
  }

  const { total, rates, dutiableValue } = view.checkoutTotal;
  const totalElement = required<HTMLElement>(root, '[data-testid="cart-total"]');
  totalElement.textContent = money(total);
  totalElement.dataset.amount = String(total.amount);
  totalElement.dataset.currency = total.currency;
  const firstRate = rates[0];
  required<HTMLElement>(root, '[data-rate-note]').textContent = firstRate
    ? t('cart.rateNote', { date: rateDate(firstRate.asOf, locale), rates: ratesText(rates, locale) })
    : t('cart.noConversion', { currency: currencyLabel(total.currency) });
  required<HTMLElement>(root, '[data-limits-note]').textContent = t('cart.limits', { value: money(dutiableValue) });

  const blocker = checkoutBlocker(view);
  const blockerElement = required<HTMLElement>(root, '[data-fix-lines]');
  blockerElement.hidden = !blocker;
  blockerElement.textContent = blocker ? t(blocker.key, blocker.vars) : '';
  if (blocker) blockerElement.dataset.tone = blocker.tone;

  const methods = new Set<string>(paymentMethodsFor(total));
  for (const item of root.querySelectorAll<HTMLElement>('[data-method]')) item.hidden = !methods.has(item.dataset.method ?? '');
}
