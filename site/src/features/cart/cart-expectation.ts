import { CART_COOKIE } from './cart-cookie.js';
import { CART_COUNT_STORAGE_KEY } from './session.js';

/**
 * What the cart page will most likely show once cart-page.ts has asked the API, set as
 * data-expect on the cart section: `no-cart` (no cart cookie: the empty cart for certain, shown at
 * once), `empty` (the count this browser last saw for its cart is 0) or `lines`. The page keeps the
 * place of that state from its first paint (CartView.astro: the empty panel, its frame, or a
 * skeleton of the lines and summary), so nothing the shopper sees moves when the answer arrives.
 *
 * It must run before the page is first painted, so it is a classic inline script at the start of
 * the cart section, the same text in every language (the CSP allows it by its hash,
 * infra/constructs/site-csp.ts), plain ES5 since no build step touches an is:inline script. It
 * reads only the cookie and the count session.ts announceCount caches, never the API; when storage
 * is blocked it guesses `lines`.
 */
export type CartExpectation = 'no-cart' | 'empty' | 'lines';

export const CART_EXPECTATION_SCRIPT = `(function (root) {
  var id = '';
  document.cookie.split(';').forEach(function (pair) {
    var at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === ${JSON.stringify(CART_COOKIE)}) id = pair.slice(at + 1).trim();
  });
  var expect = 'no-cart';
  if (id) {
    expect = 'lines';
    try {
      var cached = JSON.parse(localStorage.getItem(${JSON.stringify(CART_COUNT_STORAGE_KEY)}) || 'null');
      if (cached && cached.cartId === id && cached.count === 0) expect = 'empty';
    } catch (blocked) {}
  }
  root.setAttribute('data-expect', expect);
})(document.currentScript.parentElement);`;
