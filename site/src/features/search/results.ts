import { isCurrency } from '../../../../functions/domain/money.js';
import { createPrice } from '../price/price-island.js';
import type { PagefindHit } from './pagefind.js';

/**
 * One search result as a card (image, pavilion, title, price), made in the browser from the
 * record's meta (infra/site-build/search-records.ts). The price is the price island's
 * (features/price/price-island.ts), so it follows the shopper's currency like every other price.
 * Text goes in as text, never as HTML.
 */
export function resultCard(hit: PagefindHit, locale: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'hit';
  item.dataset.testid = 'search-result';
  item.dataset.productId = hit.url.split('/').filter(Boolean).at(-1) ?? '';
  const card = element('article', 'card');
  const media = element('div', 'hit-media');
  const image = document.createElement('img');
  image.className = 'cover';
  image.src = hit.meta.image ?? '';
  image.alt = '';
  image.width = 320;
  image.height = 320;
  image.loading = 'lazy';
  image.decoding = 'async';
  media.append(image);
  const body = element('div', 'hit-body');
  const pavilion = element('p', 'hit-pavilion');
  const flag = element('span', 'flag', hit.meta.flag ?? '');
  flag.setAttribute('aria-hidden', 'true');
  pavilion.append(flag, ` ${hit.meta.pavilion ?? ''}`);
  const title = element('h3', 'hit-title');
  const link = element('a', 'card-link', hit.meta.title ?? hit.url) as HTMLAnchorElement;
  link.href = hit.url;
  title.append(link);
  body.append(pavilion, title);
  const amount = Number(hit.meta.amount);
  const currency = hit.meta.currency ?? '';
  if (Number.isSafeInteger(amount) && isCurrency(currency)) {
    const price = element('p', 'hit-price');
    price.dataset.testid = 'search-result-price';
    price.append(createPrice({ amount, currency }, locale));
    body.append(price);
  }
  card.append(media, body);
  item.append(card);
  return item;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
