import { CATEGORY_NAMES, type Category } from '../../../../functions/domain/catalogue.js';
import { api } from './api.js';
import { $, el } from './dom.js';
import { count, money } from './format.js';
import { applyLanguage, currentLanguage, tr, type WordKey } from './i18n.js';
import type { Listing, Page } from './listing-types.js';
import { stockForm } from './stock-form.js';
import { fail, startWorkspace } from './workspace.js';

/**
 * The listings table: own listings by status, newest first, 100 a page. `/` jumps to the filter,
 * Enter on a row opens it, the Stock button opens the stock dialog.
 */
const rows = $('[data-rows]');
const empty = $('[data-empty]');
const more = $<HTMLButtonElement>('[data-more]');
const filter = $<HTMLInputElement>('[data-filter]');
const dialog = $<HTMLDialogElement>('[data-stock-dialog]');
let status = 'active';
let cursor: string | null = null;
let loaded: Listing[] = [];

void startWorkspace().then(async (workspace) => {
  if (!workspace) return;
  wire();
  await load(true);
});

async function load(reset: boolean): Promise<void> {
  if (reset) {
    loaded = [];
    cursor = null;
  }
  const query = new URLSearchParams({ limit: '100', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
  try {
    const page = await api<Page<Listing>>(`/listings?${query}`);
    loaded = [...loaded, ...page.items];
    cursor = page.nextCursor;
    render();
  } catch (error) {
    await fail(error);
  }
}

function render(): void {
  const needle = filter.value.trim().toLowerCase();
  const visible = needle
    ? loaded.filter((listing) => [listing.sku, listing.title.zh, listing.title.ru, listing.title.en].some((text) => text.toLowerCase().includes(needle)))
    : loaded;
  rows.replaceChildren(...visible.map(row));
  empty.hidden = visible.length > 0;
  more.hidden = cursor === null;
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
    el('td', { class: 'title-cell' }, el('a', { href }, listing.title[lang]), el('span', { class: 'sub' }, lang === 'en' ? listing.title.zh : listing.title.en)),
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

function openStock(listing: Listing): void {
  $('#stock-dialog-title').textContent = `${tr('stock.title')}: ${listing.sku}`;
  const body = $('[data-stock-body]');
  body.replaceChildren(
    stockForm(listing, (after) => {
      loaded = loaded.map((item) => (item.id === after.id ? after : item));
      render();
      dialog.close();
      rows.querySelector<HTMLElement>(`[data-stock="${CSS.escape(after.id)}"]`)?.focus();
    }),
  );
  dialog.showModal();
  body.querySelector<HTMLInputElement>('input[type=number]')?.focus();
}

function wire(): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[data-tabs] button')) {
    tab.addEventListener('click', () => {
      status = tab.dataset.status ?? '';
      for (const other of document.querySelectorAll('[data-tabs] button')) other.setAttribute('aria-pressed', String(other === tab));
      void load(true);
    });
  }
  filter.addEventListener('input', render);
  more.addEventListener('click', () => void load(false));
  rows.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-stock]');
    const listing = button && loaded.find((item) => item.id === button.dataset.stock);
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
