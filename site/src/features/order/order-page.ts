import { areaOf } from '../../../../functions/domain/address.js';
import { shopApi } from '../cart/api.js';
import type { OrderLineView, OrderView } from '../cart/api-types.js';
import { figureRows } from '../cart/checkout-figures.js';
import { required, setText } from '../cart/dom.js';
import { fillProduct, readIsland, showState } from '../cart/island.js';
import { noticeVersionDate } from '../cart/notice-version.js';
import { afterSale } from './after-sale.js';
import { refundUnderway } from './after-sale-state.js';
import { fulfilmentTone, keepPolling, ORDER_POLL_EVERY_MS, ORDER_POLL_FOR_MS, orderLinkFrom, orderPageSuffix, statusTone, type OrderLink } from './order-state.js';
import { rateDate, ratesText } from '../cart/rates.js';
import { forgetPendingCheckout, refreshCount, rememberedOrderToken, rememberOrderToken } from '../cart/session.js';

/**
 * The order page: reads the order with the token from the success URL's fragment and, while the payment is
 * unconfirmed (Stripe's webhook has not arrived yet), asks again every 1.5 s for two minutes; so too while
 * a refund waits for Stripe's confirmation. After the sale (cancel, refunds, returns): after-sale.ts.
 */
const root = document.querySelector<HTMLElement>('[data-order-page]');
if (root) start(root);

function start(root: HTMLElement): void {
  const island = readIsland(root);
  const { locale, t, money } = island;
  const dateTime = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const statusBox = required<HTMLElement>(root, '[data-testid="order-status"]');
  const lineTemplate = required<HTMLTemplateElement>(root, 'template[data-line-template]');

  const show = (state: 'loading' | 'found' | 'missing') => showState(island, state);
  let link: OrderLink | null = null;
  const sale = afterSale(island, {
    cancel: () => shopApi.cancelOrder(link!.id, link!.token),
    returnLine: (lineNo, reason) => shopApi.returnLine(link!.id, link!.token, lineNo, reason),
    show: (order) => render(order),
    reload: () => follow(link!),
  });

  const renderLine = (line: OrderLineView, orderId: string): HTMLLIElement => {
    const item = (lineTemplate.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
    fillProduct(island, item, line);
    required<HTMLElement>(item, '[data-qty]').textContent = `${line.quantity} × ${money(line.chargedUnitPrice)}`;
    required<HTMLElement>(item, '[data-line-total]').textContent = money(line.chargedLineTotal);
    const fulfilment = required<HTMLElement>(item, '[data-fulfilment]');
    const tone = fulfilmentTone(line.fulfilment);
    if (tone) fulfilment.dataset.tone = tone;
    fulfilment.textContent = t(`order.fulfilment.${line.fulfilment}`);
    const shipment = required<HTMLElement>(item, '[data-shipment]');
    if (line.shipment) {
      shipment.hidden = false;
      shipment.textContent = t('order.shipment', {
        date: line.shipment.shippedAt ? dateTime(line.shipment.shippedAt) : '—',
        carrier: line.shipment.carrier ?? '—',
        tracking: line.shipment.trackingNumber ?? '—',
      });
    }
    item.dataset.lineNo = String(line.lineNo);
    item.dataset.fulfilment = line.fulfilment;
    sale.renderLine(item, line, orderId);
    return item;
  };

  /** Goods, freight and tax above the total, and what the order counts toward China's limits. */
  const renderFigures = (order: OrderView) => {
    for (const row of figureRows(order)) {
      const cell = required<HTMLElement>(root, `[data-testid="order-${row.name}"]`);
      cell.textContent = row.free ? t('cart.freightFree') : money(row.value);
      cell.dataset.amount = String(row.value.amount);
      cell.dataset.currency = row.value.currency;
    }
    // Orders placed before checkout counted freight and tax answer a dutiable value of nothing: nothing to say then.
    const customs = required<HTMLElement>(root, '[data-customs-value]');
    customs.hidden = order.dutiableValue.amount === 0;
    customs.textContent = t('order.customsValue', { value: money(order.dutiableValue) });
  };

  /** Where the parcel goes, and the buyer customs declares it under (the ID number masked by the API). */
  const renderDelivery = (order: OrderView) => {
    const { recipient, buyer, notice } = order;
    required<HTMLElement>(root, '[data-delivery]').hidden = !recipient || !buyer;
    if (!recipient || !buyer) return;
    setText(root, '[data-recipient-name]', recipient.name);
    setText(root, '[data-recipient-phone]', recipient.phone);
    setText(root, '[data-recipient-area]', areaOf(recipient));
    setText(root, '[data-recipient-street]', `${recipient.address} · ${recipient.postcode}`);
    setText(root, '[data-buyer-name]', buyer.name);
    setText(root, '[data-buyer-id]', t('order.idNumber', { masked: buyer.idNumberMasked }));
    const accepted = required<HTMLElement>(root, '[data-notice-accepted]');
    accepted.hidden = !notice;
    if (notice) accepted.textContent = t('order.notice', { version: noticeVersionDate(notice.version, locale), date: dateTime(notice.acceptedAt) });
  };

  const render = (order: OrderView) => {
    const tone = statusTone(order.status);
    statusBox.dataset.status = order.status;
    statusBox.dataset.tone = tone;
    required<HTMLElement>(statusBox, '[data-status-title]').textContent = t(`order.status.${order.status}`);
    // A cancelled order that was never paid has no refund to speak of.
    const unpaidCancel = order.status === 'cancelled' && order.refunds.length === 0;
    required<HTMLElement>(statusBox, '[data-status-body]').textContent = t(unpaidCancel ? 'order.cancelledUnpaid' : `order.body.${order.status}`);
    // Back to the cart only when the payment did not happen; a cancelled or refunded order has nothing there.
    required<HTMLElement>(statusBox, '[data-retry-actions]').hidden = order.status !== 'expired' && order.status !== 'payment_failed';

    required<HTMLElement>(root, '[data-order-id]').textContent = order.orderId;
    required<HTMLElement>(root, '[data-placed]').textContent = t('order.placed', { date: dateTime(order.createdAt) });
    // A return being written is not wiped by the next poll (a refund of another line may be under way).
    if (!root.querySelector('[data-return-form]:not([hidden])')) {
      required<HTMLElement>(root, '[data-lines]').replaceChildren(...order.lines.map((line) => renderLine(line, order.orderId)));
    }
    const total = required<HTMLElement>(root, '[data-testid="order-total"]');
    total.textContent = money(order.total);
    total.dataset.amount = String(order.total.amount);
    total.dataset.currency = order.total.currency;
    const firstRate = order.rates[0];
    required<HTMLElement>(root, '[data-rates]').textContent = firstRate ? t('order.rates', { date: rateDate(firstRate.asOf, locale), rates: ratesText(order.rates, locale) }) : '';
    renderFigures(order);
    renderDelivery(order);
    sale.render(order);
    show('found');
  };

  const missing = () => {
    statusBox.hidden = true;
    show('missing');
  };

  // The language links lose the query and the fragment; this page needs both to find the order again.
  const carryLink = (link: OrderLink) => {
    for (const anchor of document.querySelectorAll<HTMLAnchorElement>('[data-testid="language-switch"] a')) {
      anchor.href = new URL(anchor.href, location.href).pathname + orderPageSuffix(link);
    }
  };

  // Each follow replaces the one before (a cancel starts a new one to watch its refund).
  let following = 0;
  const follow = async (link: OrderLink) => {
    const started = Date.now();
    const mine = ++following;
    let status: OrderView['status'] | null = null;
    let refunding = false;
    for (;;) {
      const answer = await shopApi.order(link.id, link.token);
      if (mine !== following) return;
      if (answer.ok) {
        const becamePaid = status === null || status === 'pending_payment';
        status = answer.body.status;
        refunding = refundUnderway(answer.body);
        render(answer.body);
        if (status !== 'pending_payment') {
          forgetPendingCheckout();
          // A paid order took the cart with it: the header count goes back to nothing.
          if (becamePaid && (status === 'paid' || status === 'paid_needs_attention')) void refreshCount();
        }
      } else if (answer.status === 404 || answer.status === 400) {
        return missing();
      } else if (status === null) {
        required<HTMLElement>(statusBox, '[data-status-body]').textContent = t('order.loadFailed');
      }
      const elapsed = Date.now() - started;
      if (!keepPolling(status, elapsed) && !(refunding && elapsed < ORDER_POLL_FOR_MS)) break;
      await new Promise((resolve) => setTimeout(resolve, ORDER_POLL_EVERY_MS));
    }
    if (status === null || status === 'pending_payment') required<HTMLElement>(statusBox, '[data-slow]').hidden = false;
  };

  required<HTMLButtonElement>(root, '[data-refresh]').addEventListener('click', () => location.reload());

  link = orderLinkFrom(location.search, location.hash, rememberedOrderToken);
  if (!link) return missing();
  rememberOrderToken(link);
  // A fragment lost on the way (found in this tab's memory): from here on the address holds
  // the token only in its fragment, so a reload or a bookmark never sends it to a server.
  const wanted = orderPageSuffix(link);
  if (location.search + location.hash !== wanted) history.replaceState(history.state, '', location.pathname + wanted);
  carryLink(link);
  void follow(link);
}
