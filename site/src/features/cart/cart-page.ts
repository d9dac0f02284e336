import type { CurrencyCode } from '../../../../functions/domain/money.js';
import { shopApi } from './api.js';
import type { CartLineView, CartView } from './api-types.js';
import { renderSummary } from './cart-summary.js';
import { checkoutBody } from './checkout-fields.js';
import { checkoutForm } from './checkout-form.js';
import { required } from './dom.js';
import { fillProduct, readIsland, showState } from './island.js';
import { canCheckout, checkoutFailureOf, lineNote, notEnoughNote, notImportableReason, unavailableNote, type Note } from './notes.js';
import { orderPageSuffix } from '../order/order-state.js';
import { parseQuantity } from './quantity.js';
import { convertedLineTotal, convertedUnitPrice } from './rates.js';
import { isChargeCurrency } from '../price/currencies.js';
import { onCurrencyChange } from '../price/preference.js';
import {
  announceCount,
  currentCartId,
  forgetCart,
  forgetPendingCheckout,
  loadCart,
  preferredCurrency,
  rememberCheckout,
  rememberCurrency,
  takePendingCheckout,
} from './session.js';

/**
 * The cart page: lines with quantity and remove, the summary (cart-summary.ts: goods, freight,
 * import tax and the total in the checkout currency), and the checkout form (checkout-form.ts:
 * recipient, buyer, consumer notice, email) whose Pay button starts a Stripe Checkout. Every figure
 * shown comes from the API's answer; the page only formats it.
 */
type State = 'loading' | 'empty' | 'error' | 'filled';

const root = document.querySelector<HTMLElement>('[data-cart-page]');
if (root) start(root);

function start(root: HTMLElement): void {
  const island = readIsland(root);
  const { lang, t, money } = island;
  /** A note's text, its amounts formatted in the page's locale. */
  const say = (note: Note) =>
    t(note.key, { ...note.vars, ...Object.fromEntries(Object.entries(note.amounts ?? {}).map(([name, amount]) => [name, money(amount)])) });

  const lineTemplate = required<HTMLTemplateElement>(root, 'template[data-line-template]');
  const linesList = required<HTMLUListElement>(root, '[data-lines]');
  const currencySelect = required<HTMLSelectElement>(root, '[data-currency]');
  const form = required<HTMLFormElement>(root, '[data-checkout-form]');
  const checkout = checkoutForm(root, (key) => t(key));
  const formError = required<HTMLElement>(root, '[data-form-error]');
  const payButton = required<HTMLButtonElement>(root, '[data-testid="checkout-submit"]');
  const payLabel = required<HTMLElement>(root, '[data-pay-label]');

  let cart: CartView | null = null;
  let currency: CurrencyCode = preferredCurrency();
  let paying = false;
  /** Notes from refused changes or a refused checkout, shown until that line changes again. */
  const lineNotes = new Map<string, Note>();
  currencySelect.value = currency;

  const setState = (state: State) => showState(island, state);

  const showNotice = (tone: 'info' | 'ok' | 'warn' | 'bad', text: string, link?: { href: string; label: string }) => {
    const notice = required<HTMLElement>(root, '[data-notice]');
    notice.dataset.tone = tone;
    required<HTMLElement>(notice, '[data-notice-text]').textContent = text;
    const anchor = required<HTMLAnchorElement>(notice, '[data-notice-link]');
    anchor.hidden = !link;
    if (link) {
      anchor.href = link.href;
      anchor.textContent = `${link.label} →`;
    }
    notice.hidden = false;
  };

  const showFormError = (text: string | null) => {
    formError.hidden = !text;
    formError.textContent = text ?? '';
  };

  /** A refusal with no field to go to: the focus goes to its message (tabindex=-1), never back to the page's start. */
  const refuse = (text: string) => {
    showFormError(text);
    formError.focus();
  };

  // ---- rendering ----

  const renderLine = (item: HTMLLIElement, line: CartLineView) => {
    const title = line.title[lang];
    fillProduct(island, item, line);
    item.dataset.status = line.status;
    required<HTMLElement>(item, '[data-unit]').textContent = line.unit[lang];
    // The checkout currency first, the pavilion's own price beside it; a line not sold is not converted.
    const sold = line.status !== 'unavailable';
    const unit = cart && sold ? convertedUnitPrice(line, cart.checkoutTotal.total, cart.checkoutTotal.rates) : null;
    required<HTMLElement>(item, '[data-each]').textContent = t('cart.each', { price: unit ? `${money(unit)} (${money(line.unitPrice)})` : money(line.unitPrice) });

    const input = required<HTMLInputElement>(item, '[data-testid="line-quantity"]');
    input.value = String(line.quantity);
    input.setAttribute('aria-label', t('cart.quantity', { title }));
    required<HTMLElement>(item, '[data-testid="line-remove"]').setAttribute('aria-label', t('cart.removeLabel', { title }));
    const increase = item.querySelector<HTMLButtonElement>('[data-step="1"]');
    if (increase) increase.disabled = line.quantity >= line.available;

    const charged = cart && sold ? convertedLineTotal(line, cart.checkoutTotal.total, cart.checkoutTotal.rates) : null;
    const lineTotal = required<HTMLElement>(item, '[data-line-total]');
    lineTotal.textContent = money(charged ?? line.lineTotal);
    lineTotal.dataset.amount = String((charged ?? line.lineTotal).amount);
    lineTotal.dataset.currency = (charged ?? line.lineTotal).currency;
    required<HTMLElement>(item, '[data-own-total]').textContent = charged ? money(line.lineTotal) : '';

    const note = lineNotes.get(line.productId) ?? lineNote(line);
    const noteElement = required<HTMLElement>(item, '[data-note]');
    noteElement.hidden = !note;
    noteElement.textContent = note ? t(note.key, note.vars) : '';
    if (note) noteElement.dataset.tone = note.tone;
  };

  const renderLines = (lines: readonly CartLineView[]) => {
    const existing = new Map([...linesList.querySelectorAll<HTMLLIElement>('[data-testid="cart-line"]')].map((item) => [item.dataset.productId ?? '', item]));
    // Update in place (keyed by product) so a focused quantity box keeps its focus.
    lines.forEach((line, index) => {
      let item = existing.get(line.productId);
      existing.delete(line.productId);
      if (!item) item = (lineTemplate.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
      renderLine(item, line);
      if (linesList.children[index] !== item) linesList.insertBefore(item, linesList.children[index] ?? null);
    });
    for (const gone of existing.values()) gone.remove();
  };

  const showSummary = (view: CartView) => {
    renderSummary(island, view);
    const { total } = view.checkoutTotal;
    payLabel.textContent = paying ? t('cart.paying') : t('cart.pay', { total: money(total) });
    if (!paying) payButton.disabled = !canCheckout(view);
  };

  const render = (view: CartView) => {
    cart = view;
    announceCount(view.itemCount, view.id);
    if (view.lines.length === 0) {
      setState('empty');
      required<HTMLElement>(root, '[data-item-count]').textContent = '';
      return;
    }
    required<HTMLElement>(root, '[data-item-count]').textContent = t('cart.items', { n: view.itemCount });
    renderLines(view.lines);
    showSummary(view);
    setState('filled');
  };

  // ---- loading and changing ----

  const reload = async () => {
    const answer = await loadCart(currency);
    if (answer === null) return setState('empty');
    if (answer.ok) return render(answer.body);
    if (!cart) setState('error');
  };

  const lapsed = () => {
    forgetCart();
    cart = null;
    showNotice('bad', t('cart.gone'));
    setState('empty');
  };

  const setQuantity = async (item: HTMLLIElement, quantity: number) => {
    const productId = item.dataset.productId ?? '';
    const id = cart?.id ?? currentCartId();
    if (!productId || !id) return;
    const line = cart?.lines.find((candidate) => candidate.productId === productId);
    item.setAttribute('aria-busy', 'true');
    for (const control of item.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = true;
    const answer = await shopApi.setLine(id, productId, quantity, currency);
    item.removeAttribute('aria-busy');
    for (const control of item.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = false;
    if (answer.ok) {
      lineNotes.delete(productId);
      showFormError(null);
      return render(answer.body);
    }
    if (answer.status === 409 && typeof answer.problem?.available === 'number') {
      lineNotes.set(productId, notEnoughNote(answer.problem.available));
    } else if (answer.status === 404 && answer.problem?.errors?.some((error) => error.field === 'productId')) {
      lineNotes.set(productId, { key: 'cart.unavailable', tone: 'bad' });
    } else if (answer.status === 422 && notImportableReason(answer.problem)) {
      lineNotes.set(productId, unavailableNote(notImportableReason(answer.problem) ?? undefined));
    } else if (answer.status === 404) {
      return lapsed();
    } else {
      lineNotes.set(productId, { key: 'cart.updateFailed', tone: 'bad' });
    }
    // Put the box back to what the cart holds, with the note beside it.
    if (line) renderLine(item, line);
  };

  linesList.addEventListener('click', (event) => {
    const target = event.target as Element;
    const item = target.closest<HTMLLIElement>('[data-testid="cart-line"]');
    if (!item || item.getAttribute('aria-busy') === 'true') return;
    const current = cart?.lines.find((line) => line.productId === item.dataset.productId);
    if (!current) return;
    if (target.closest('[data-testid="line-remove"]')) return void setQuantity(item, 0);
    const step = target.closest<HTMLElement>('[data-step]');
    if (step) void setQuantity(item, Math.max(0, current.quantity + Number(step.dataset.step)));
  });

  linesList.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.dataset.testid !== 'line-quantity') return;
    const item = input.closest<HTMLLIElement>('[data-testid="cart-line"]');
    const current = cart?.lines.find((line) => line.productId === item?.dataset.productId);
    if (!item || !current || item.getAttribute('aria-busy') === 'true') return;
    const quantity = parseQuantity(input.value);
    if (quantity === null) {
      input.value = String(current.quantity);
      return;
    }
    if (quantity !== current.quantity) void setQuantity(item, quantity);
  });

  // Enter in a quantity box changes the line; it must not submit anything else.
  linesList.addEventListener('keydown', (event) => {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter' && input.dataset.testid === 'line-quantity') {
      event.preventDefault();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });

  // One currency for the whole site: this select and the header's picker both remember it, and each follows the other.
  currencySelect.addEventListener('change', () => rememberCurrency(currencySelect.value));
  onCurrencyChange((chosen) => {
    if (!isChargeCurrency(chosen) || chosen === currency) return;
    currency = chosen;
    currencySelect.value = chosen;
    void reload();
  });

  // While the request runs the button stays focusable (aria-disabled, not disabled): a disabled
  // button would drop the focus to the page's start. The submit handler ignores it meanwhile.
  const setPaying = (busy: boolean) => {
    paying = busy;
    payButton.disabled = !busy && (!cart || !canCheckout(cart));
    if (busy) {
      payButton.setAttribute('aria-busy', 'true');
      payButton.setAttribute('aria-disabled', 'true');
      payLabel.textContent = t('cart.paying');
    } else {
      payButton.removeAttribute('aria-busy');
      payButton.removeAttribute('aria-disabled');
      if (cart) payLabel.textContent = t('cart.pay', { total: money(cart.checkoutTotal.total) });
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (paying || !cart) return;
    const details = checkout.read();
    if (!details) return showFormError(t('cart.fieldsRefused'));
    showFormError(null);
    setPaying(true);
    const answer = await shopApi.checkout({ cartId: cart.id, currency, language: lang, ...checkoutBody(details, checkout.noticeVersion) });
    if (answer.ok) {
      checkout.checkedOut(details);
      // The order id, its token and the email: never the buyer, whose ID number stays out of storage.
      rememberCheckout({ orderId: answer.body.orderId, token: answer.body.orderToken, email: details.email });
      // Stays busy: the browser is leaving for the payment page.
      location.assign(answer.body.checkoutUrl);
      return;
    }
    setPaying(false);
    const failure = checkoutFailureOf(answer.status, answer.problem);
    switch (failure.kind) {
      case 'fields':
        checkout.showNotes(new Map([...failure.fields].map(([field, note]) => [field, say(note)])));
        showFormError(say(failure.note));
        return;
      case 'cart-gone':
        lapsed();
        // The form is gone with the cart: the focus goes to the notice that says so.
        required<HTMLElement>(root, '[data-notice]').focus();
        return;
      case 'lines':
        for (const [productId, note] of failure.lines) lineNotes.set(productId, note);
        refuse(say(failure.note));
        return reload();
      case 'summary':
        refuse(say(failure.note));
        return;
    }
  });

  required<HTMLButtonElement>(root, '[data-retry]').addEventListener('click', () => {
    setState('loading');
    void reload();
  });

  // Back from the payment page through the browser's history: the page may come from the
  // back-forward cache with the Pay button still busy. Start over from the API.
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    setPaying(false);
    void greet().then(reload);
  });

  /** Coming back from the payment page: say whether that payment went through. */
  const greet = async () => {
    const pending = takePendingCheckout();
    if (!pending) return;
    if (pending.email && !checkout.email.value) checkout.email.value = pending.email;
    const answer = await shopApi.order(pending.orderId, pending.token);
    if (!answer.ok) return;
    const { status } = answer.body;
    if (status === 'paid' || status === 'paid_needs_attention') {
      forgetPendingCheckout();
      const href = `/${lang}/order/${orderPageSuffix({ id: pending.orderId, token: pending.token })}`;
      showNotice('ok', t('cart.lastOrderPaid'), { href, label: t('cart.viewOrder') });
    } else {
      showNotice('info', t('cart.cancelled'));
    }
  };

  void greet().then(reload);
}
