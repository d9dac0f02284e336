import { isCurrency, type Money } from '../../../../functions/domain/money.js';
import type { RateBook } from '../../../../functions/domain/exchange-rates.js';
import { liveRateBook } from './live-rates.js';
import { onCurrencyChange, preferredCurrency } from './preference.js';
import { priceFigures, priceTexts } from './price.js';

/**
 * Every price on the page (components/Price.astro, or createPrice below): the build wrote it in yuan
 * at the build's rates; this island rewrites it with the current rates (GET /api/rates) in the
 * shopper's currency, and again whenever they pick another. A figure that comes out the same is not
 * touched, and the two lines keep their boxes whatever they say, so nothing on the page moves.
 */
const PRICE = '[data-price]';

/** undefined: the live rates are not known yet; null: they could not be had (the build's figures stand). */
let book: RateBook | null | undefined;

function ownPriceOf(element: HTMLElement): Money | null {
  const amount = Number(element.dataset.amount);
  const currency = element.dataset.currency ?? '';
  return Number.isSafeInteger(amount) && isCurrency(currency) ? { amount, currency } : null;
}

function write(element: HTMLElement | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/** Brings one price up to date with the live rates and the shopper's currency. */
export function renderPrice(element: HTMLElement): void {
  if (book === undefined) return;
  const own = ownPriceOf(element);
  if (!own) return;
  // Without live rates the build's yuan figure stands, unless the pavilion's price itself has changed since.
  if (book === null && element.dataset.rates !== 'changed') {
    element.dataset.rates = 'unavailable';
    return;
  }
  const figures = priceFigures(own, preferredCurrency(), book);
  const texts = priceTexts(figures, element.dataset.locale || document.documentElement.lang || 'zh-CN');
  const main = element.querySelector<HTMLElement>('[data-price-main]');
  write(main, texts.main);
  if (main) {
    main.dataset.amount = String(figures.main.amount);
    main.dataset.currency = figures.main.currency;
    // price.css sets a long figure smaller so it stays on its line.
    main.style.setProperty('--price-chars', String(texts.main.length));
  }
  write(element.querySelector<HTMLElement>('[data-price-own-text]'), texts.own);
  const separator = element.querySelector<HTMLElement>('[data-price-separator]');
  if (separator) separator.hidden = !texts.own;
  element.dataset.rates = book ? 'live' : 'unavailable';
}

export function renderPrices(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>(PRICE)) renderPrice(element);
}

/** The pavilion's price changed since the build (the product page's live facts): show the new one. */
export function setOwnPrice(element: HTMLElement, price: Money): void {
  if (element.dataset.amount === String(price.amount) && element.dataset.currency === price.currency) return;
  element.dataset.amount = String(price.amount);
  element.dataset.currency = price.currency;
  element.dataset.rates = 'changed';
  renderPrice(element);
}

/**
 * A price for markup made in the browser (search results): the same structure and classes as
 * components/Price.astro (import features/price/price.css where it is used). It shows the
 * pavilion's price until the live rates are known, then follows the shopper's currency like the rest.
 */
export function createPrice(own: Money, locale: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'price-pair';
  element.dataset.price = '';
  element.dataset.amount = String(own.amount);
  element.dataset.currency = own.currency;
  element.dataset.locale = locale;
  element.dataset.rates = 'changed';
  element.innerHTML =
    '<span class="price-pair__main" data-price-main></span><span class="price-pair__own">' +
    '<span class="visually-hidden" data-price-separator hidden> · </span><span data-price-own-text></span></span>';
  const texts = priceTexts(priceFigures(own, preferredCurrency(), book ?? null), locale);
  write(element.querySelector('[data-price-main]'), texts.main);
  write(element.querySelector('[data-price-own-text]'), texts.own);
  renderPrice(element);
  return element;
}

onCurrencyChange(() => renderPrices());
void liveRateBook().then((live) => {
  book = live;
  renderPrices();
});
