import { ApiError, api } from './api.js';
import type { FulfilmentLine } from './api-types.js';
import { $, el, toast, type Child } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { count, dateTime, money } from './format.js';
import { currentLanguage, tr, type WordKey } from './i18n.js';
import { afterSaleActions, afterSaleNotes } from './orders-line-actions.js';
import { pagedList, wireTabs } from './paged-list.js';
import { fail, startWorkspace } from './workspace.js';

/** A paid order line as the API gives it; where it goes is its shipTo (the address as the API writes it, domain/address.ts). */
type Line = FulfilmentLine;
type ShipTo = NonNullable<Line['shipTo']>;

/** The pavilion's paid order lines, newest first; each line to ship has its own small form (Enter sends it). */
const rows = $('[data-rows]');
let fulfilment = 'to_ship';
const lines = pagedList<Line>({ path: '/orders', limit: 50, filter: () => ({ fulfilment }), render });

void startWorkspace().then(async (workspace) => {
  if (!workspace) return;
  wireTabs((value) => {
    fulfilment = value;
    void lines.load(true);
  });
  document.addEventListener('workspace:language', render);
  await lines.load(true);
});

function render(): void {
  rows.replaceChildren(...lines.items.map(row));
  $('[data-empty]').hidden = lines.items.length > 0;
}

function row(line: Line): HTMLTableRowElement {
  const lang = currentLanguage();
  // Each cell carries its column's name: on a phone the row is a card, and the names are its labels.
  const cell = (label: WordKey, props: Record<string, string>, ...children: Child[]) => el('td', { ...props, 'data-label': tr(label) }, ...children);
  return el(
    'tr',
    { 'data-line': `${line.orderId}/${line.lineNo}`, 'data-fulfilment': line.fulfilment },
    cell('col.paidAt', {}, line.paidAt ? dateTime(line.paidAt) : '–'),
    cell('col.order', {}, el('code', {}, line.orderId), el('span', { class: 'sub' }, `#${line.lineNo}`)),
    cell('col.item', { class: 'title-cell' }, line.title[lang], el('span', { class: 'sub' }, line.sku), line.hsCode ? el('span', { class: 'sub', 'data-hs-code': '' }, `HS\u00a0${line.hsCode}`) : null),
    cell('col.qty', { class: 'num' }, count(line.quantity)),
    cell('col.price', { class: 'num' }, money(line.unitPrice.amount * line.quantity, line.unitPrice.currency)),
    cell('col.shipTo', { class: 'ship-to wide' }, line.shipTo ? shipTo(line.shipTo) : '–', line.fulfilmentMode ? el('span', { class: 'sub' }, tr(`mode.${line.fulfilmentMode}` as WordKey)) : null),
    cell('col.status', {}, el('div', { class: 'ws-status' }, el('span', { class: 'ws-badge', 'data-kind': line.fulfilment }, tr(`fulfilment.${line.fulfilment}` as WordKey)), ...afterSaleNotes(line))),
    // A cancelled (refunded) line has no form to ship it: it must not leave.
    cell('col.shipment', { class: 'wide' }, line.fulfilment === 'to_ship' ? shipForm(line) : line.carrier ? `${line.carrier} · ${line.trackingNumber}` : '–', afterSaleActions(line, changed)),
  );
}

/** A line the API changed (refunded, its return stepped) takes its old row's place. */
function changed(updated: Line): void {
  lines.replace(updated, (item) => item.orderId === updated.orderId && item.lineNo === updated.lineNo);
  render();
}

/** The label a courier needs, in Chinese as the address is, and the buyer as customs names them (ID masked: the pavilion never gets more). */
function shipTo(to: ShipTo): HTMLElement {
  return el(
    'address',
    { class: 'ws-address', lang: 'zh-CN' },
    el('strong', { 'data-recipient': '' }, to.recipient.name), ' · ', el('span', { 'data-phone': '' }, to.recipient.phone),
    el('br'),
    el('span', { 'data-address': '' }, to.fullAddress),
    el('br'),
    el('span', { lang: workspaceLang() }, `${tr('orders.postcode')} `), el('span', { 'data-postcode': '' }, to.recipient.postcode),
    el('span', { class: 'sub', lang: workspaceLang() }, `${tr('orders.buyerIs', { name: to.buyerName })} · ${tr('orders.buyerId')} `, el('code', { 'data-buyer-id': '' }, to.buyerIdMasked)),
  );
}

/** The workspace's own words keep their language inside the Chinese address block. */
function workspaceLang(): string {
  return currentLanguage() === 'zh' ? 'zh-CN' : currentLanguage();
}

function shipForm(line: Line): HTMLFormElement {
  const id = `${line.orderId}-${line.lineNo}`;
  const form = el(
    'form',
    { class: 'ws-ship', novalidate: true },
    el('label', { class: 'field' }, el('span', { class: 'visually-hidden' }, tr('orders.carrier')),
      el('input', { name: 'carrier', list: 'carriers', placeholder: tr('orders.carrier'), required: true, maxlength: 60, id: `carrier-${id}` }), el('span', { class: 'field-error' })),
    el('label', { class: 'field' }, el('span', { class: 'visually-hidden' }, tr('orders.tracking')),
      el('input', { name: 'trackingNumber', placeholder: tr('orders.tracking'), required: true, maxlength: 40, autocomplete: 'off', spellcheck: 'false' }), el('span', { class: 'field-error' })),
    el('button', { type: 'submit', class: 'button button--small' }, tr('orders.ship')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const shipped = await api<Line>(`/orders/${line.orderId}/lines/${line.lineNo}/shipment`, {
        method: 'POST',
        json: { carrier: String(data.get('carrier') ?? ''), trackingNumber: String(data.get('trackingNumber') ?? '') },
      });
      lines.replace(shipped, (item) => item.orderId === shipped.orderId && item.lineNo === shipped.lineNo);
      render();
      toast(tr('orders.shipped'));
      rows.querySelector<HTMLInputElement>('input[name=carrier]')?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) showFieldErrors(form, error.errors);
      else if (error instanceof ApiError) toast(error.detail ? `${error.title}: ${error.detail}` : error.title, 'bad');
      else await fail(error);
    }
  });
  return form;
}
