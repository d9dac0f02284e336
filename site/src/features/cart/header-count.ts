import { cachedCount, CART_COUNT_EVENT, CART_COUNT_STORAGE_KEY, currentCartId, refreshCount, type CachedCount } from './session.js';

/**
 * The item count on the header's cart link, on every page. It shows the remembered count at once
 * and asks the API only when that is missing or older than a few minutes, so browsing does not cost
 * a cart read per page. Pages that load the cart themselves (marked data-loads-cart) announce fresh counts.
 */
const FRESH_FOR_MS = 5 * 60_000;

function show(count: number): void {
  for (const badge of document.querySelectorAll<HTMLElement>('[data-testid="cart-count"]')) {
    badge.textContent = new Intl.NumberFormat(document.documentElement.lang || undefined).format(count);
    badge.dataset.count = String(count);
    badge.hidden = count <= 0;
  }
}

/** The remembered count of the cart the cookie names, if any. */
function remembered(): CachedCount | null {
  const entry = cachedCount();
  const cartId = currentCartId();
  return cartId && entry && entry.cartId === cartId ? entry : null;
}

document.addEventListener(CART_COUNT_EVENT, (event) => show((event as CustomEvent<CachedCount>).detail.count));
// Another tab changed the cart.
addEventListener('storage', (event) => {
  if (event.key === CART_COUNT_STORAGE_KEY) show(remembered()?.count ?? 0);
});

const entry = remembered();
show(entry?.count ?? 0);
const stale = !entry || Date.now() - entry.at >= FRESH_FOR_MS;
if (currentCartId() && stale && !document.querySelector('[data-loads-cart]')) void refreshCount();
