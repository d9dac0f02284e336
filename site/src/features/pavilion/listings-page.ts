import { CATEGORY_NAMES, type Category } from '../../../../functions/domain/catalogue.js';
import { $, el } from './dom.js';
import { count, money } from './format.js';
import { unsellableReason } from './hs-code-status.js';
import { applyLanguage, currentLanguage, tr, type WordKey } from './i18n.js';
import type { Listing } from './api-types.js';
import { pagedList, wireTabs } from './paged-list.js';
import { stockForm } from './stock-form.js';
import { startWorkspace } from './workspace.js';

/**
 * The listings table: own listings by status, newest first, 100 a page. `/` jumps to the filter,
 * Enter on a row opens it, the Stock button opens the stock dialog.
 */
const rows = $('[data-rows]');
const empty = $('[data-empty]');
const filter = $<HTMLInputElement>('[data-filter]');
const dialog = $<HTMLDialogElement>('[data-stock-dialog]');
let status = 'active';
const listings = pagedList<Listing>({ path: '/listings', limit: 100, filter: () => ({ status }), render });

void startWorkspace().then(async (workspace) => {
  if (!workspace) return;
  wire();
  await listings.load(true);
});

function render(): void {
  const needle = filter.value.trim().toLowerCase();
  const visible = needle
    ? listings.items.filter((listing) => [listing.sku, listing.title.zh, listing.title.ru, listing.title.en].some((text) => text.toLowerCase().includes(needle)))
    : listings.items;
  rows.replaceChildren(...visible.map(row));
  empty.hidden = visible.length > 0;
}

function row(listing: Listing): HTMLTableRowElement {
  const lang = currentLanguage();
  const href = `/pavilion/listing/?id=${encodeURIComponent(listing.id)}`;
  const cover = listing.images[0];
  const tr_ = el(
    'tr',
    { 'data-id': listing.id },
    el('td', {}, cover ? el('img', { class: 'thumb', src: cover, alt: '', loading: 'lazy', width: 40, height: 40 }) : ''),
    el('td', {}, el('code', {}, listing.sku)),
    // Beside the title, the column a phone still shows: a listing that will not sell in China says so.
    el('td', { class: 'title-cell' }, el('a', { href }, listing.title[lang]), el('span', { class: 'sub' }, lang === 'en' ? listing.title.zh : listing.title.en), unsellable(listing)),
    el('td', {}, CATEGORY_NAMES[listing.category as Category]?.[lang] ?? listing.category),
    el('td', { class: 'num' }, money(listing.price.amount, listing.price.currency)),
    el('td', { class: 'num', 'data-on-hand': '' }, count(listing.onHand)),
    el('td', { class: 'num' }, listing.reserved ? count(listing.reserved) : '–'),
    el('td', { class: 'num' }, count(listing.sold)),
    el('td', {}, el('span', { class: 'ws-badge', 'data-kind': listing.status }, tr(`status.${listing.status}` as WordKey))),
    el('td', {}, el('button', { type: 'button', class: 'button button--ghost button--small', 'data-stock': listing.id }, tr('stock.button'))),
  );
  return tr_;
}

/** A listing whose HS code keeps it from selling in China, whatever its status (hs-code-status.ts). */
function unsellable(listing: Listing): HTMLElement | null {
  const reason = unsellableReason(listing);
  if (!reason) return null;
  return el(
    'span',
    { class: 'ws-unsellable', 'data-unsellable': reason },
    tr(reason === 'not_importable' ? 'listings.notImportable' : 'listings.noHsCode'),
    listing.hsCode ? el('code', {}, `HS\u00a0${listing.hsCode}`) : null,
  );
}

function openStock(listing: Listing): void {
  $('#stock-dialog-title').textContent = `${tr('stock.title')}: ${listing.sku}`;
  const body = $('[data-stock-body]');
  body.replaceChildren(
    stockForm(listing, (after) => {
      listings.replace(after, (item) => item.id === after.id);
      render();
      dialog.close();
      rows.querySelector<HTMLElement>(`[data-stock="${CSS.escape(after.id)}"]`)?.focus();
    }),
  );
  dialog.showModal();
  body.querySelector<HTMLInputElement>('input[type=number]')?.focus();
}

function wire(): void {
  wireTabs((value) => {
    status = value;
    void listings.load(true);
  });
  filter.addEventListener('input', render);
  rows.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-stock]');
    const listing = button && listings.items.find((item) => item.id === button.dataset.stock);
    if (listing) openStock(listing);
  });
  $('[data-close]', dialog).addEventListener('click', () => dialog.close());
  document.addEventListener('keydown', (event) => {
    const typing = (event.target as HTMLElement).closest('input, textarea, select, dialog');
    if (event.key === '/' && !typing) {
      event.preventDefault();
      filter.focus();
    }
  });
  document.addEventListener('workspace:language', () => {
    applyLanguage();
    render();
  });
}
