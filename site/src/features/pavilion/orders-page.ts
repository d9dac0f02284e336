import { ApiError, api } from './api.js';
import { $, el, toast } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { count, dateTime, money } from './format.js';
import { currentLanguage, tr, type WordKey } from './i18n.js';
import type { Localized, Page } from './listing-types.js';
import { fail, startWorkspace } from './workspace.js';

interface Line {
  orderId: string;
  lineNo: number;
  productId: string;
  sku: string;
  title: Localized;
  image?: string;
  quantity: number;
  unitPrice: { amount: number; currency: string };
  fulfilment: 'to_ship' | 'shipped' | 'awaiting_payment';
  paidAt?: string;
  carrier?: string;
  trackingNumber?: string;
  shippedAt?: string;
}

/** The pavilion's paid order lines, newest first; each line to ship has its own small form (Enter sends it). */
const rows = $('[data-rows]');
let fulfilment = 'to_ship';
let cursor: string | null = null;
let loaded: Line[] = [];

void startWorkspace().then(async (workspace) => {
  if (!workspace) return;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[data-tabs] button')) {
    tab.addEventListener('click', () => {
      fulfilment = tab.dataset.fulfilment ?? '';
      for (const other of document.querySelectorAll('[data-tabs] button')) other.setAttribute('aria-pressed', String(other === tab));
      void load(true);
    });
  }
  $('[data-more]').addEventListener('click', () => void load(false));
  document.addEventListener('workspace:language', render);
  await load(true);
});

async function load(reset: boolean): Promise<void> {
  if (reset) {
    loaded = [];
    cursor = null;
  }
  const query = new URLSearchParams({ limit: '50', ...(fulfilment ? { fulfilment } : {}), ...(cursor ? { cursor } : {}) });
  try {
    const page = await api<Page<Line>>(`/orders?${query}`);
    loaded = [...loaded, ...page.items];
    cursor = page.nextCursor;
    render();
  } catch (error) {
    await fail(error);
  }
}

function render(): void {
  rows.replaceChildren(...loaded.map(row));
  $('[data-empty]').hidden = loaded.length > 0;
  $('[data-more]').hidden = cursor === null;
}

function row(line: Line): HTMLTableRowElement {
  const lang = currentLanguage();
  return el(
    'tr',
    { 'data-line': `${line.orderId}/${line.lineNo}` },
    el('td', {}, line.paidAt ? dateTime(line.paidAt) : '–'),
    el('td', {}, el('code', {}, line.orderId), el('span', { class: 'sub' }, `#${line.lineNo}`)),
    el('td', { class: 'title-cell' }, line.title[lang], el('span', { class: 'sub' }, line.sku)),
    el('td', { class: 'num' }, count(line.quantity)),
    el('td', { class: 'num' }, money(line.unitPrice.amount * line.quantity, line.unitPrice.currency)),
    el('td', {}, el('span', { class: 'ws-badge', 'data-kind': line.fulfilment }, tr(`fulfilment.${line.fulfilment}` as WordKey))),
    el('td', {}, line.fulfilment === 'to_ship' ? shipForm(line) : line.carrier ? `${line.carrier} · ${line.trackingNumber}` : '–'),
  );
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
      loaded = loaded.map((item) => (item.orderId === shipped.orderId && item.lineNo === shipped.lineNo ? shipped : item));
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
