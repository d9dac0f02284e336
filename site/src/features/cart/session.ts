import type { CurrencyCode } from '../../../../functions/domain/money.js';
import { shopApi, type ApiResult } from './api.js';
import type { CartView, UnavailableReason } from './api-types.js';
import { cartCookie, cartIdFromCookies, expiredCartCookie } from './cart-cookie.js';
import { preferredCurrency } from '../price/preference.js';
import { notImportableReason } from './notes.js';
import { orderTokenKey, type OrderLink } from '../order/order-state.js';
import { parseRememberedRecipient, recipientToRemember, type RememberedRecipient } from './recipient-memory.js';

/**
 * The browser's side of the cart: the cart_id cookie, the count shown in the header, the
 * shopper's checkout currency (kept by price/preference.ts) and the order they just went to pay
 * for. Storage may be blocked (private mode, policy): every use degrades to "not remembered", never
 * to an error.
 */
export const CART_COUNT_STORAGE_KEY = 'sco-cart-count';
const CHECKOUT_KEY = 'sco-checkout';
const RECIPIENT_KEY = 'sco-recipient';
export const CART_COUNT_EVENT = 'sco:cart-count';

const secure = () => location.protocol === 'https:';

export function currentCartId(): string | null {
  return cartIdFromCookies(document.cookie);
}

function rememberCart(id: string): void {
  document.cookie = cartCookie(id, secure());
}

/** The cart lapsed or was paid for (the API answers 404): the next add starts a new one. */
export function forgetCart(): void {
  document.cookie = expiredCartCookie(secure());
  announceCount(0, null);
}

export interface CachedCount {
  readonly cartId: string | null;
  readonly count: number;
  readonly at: number;
}

/** Tells the header (this tab by event, other tabs through storage) how many items the cart holds. */
export function announceCount(count: number, cartId: string | null): void {
  const entry: CachedCount = { cartId, count, at: Date.now() };
  try {
    localStorage.setItem(CART_COUNT_STORAGE_KEY, JSON.stringify(entry));
  } catch {
    // Not remembered: the header asks the API on the next page.
  }
  document.dispatchEvent(new CustomEvent<CachedCount>(CART_COUNT_EVENT, { detail: entry }));
}

export function cachedCount(): CachedCount | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CART_COUNT_STORAGE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const entry = parsed as Partial<CachedCount>;
    return Number.isSafeInteger(entry.count) && typeof entry.at === 'number' ? { cartId: entry.cartId ?? null, count: entry.count!, at: entry.at } : null;
  } catch {
    return null;
  }
}

/** The shopper's currency is one for the whole site: the header's picker, every price and the cart (price/preference.ts). */
export { preferredCurrency, rememberCurrency } from '../price/preference.js';

/**
 * The order the shopper left to pay for, kept for this tab only, so the cart can tell a cancelled payment apart.
 * Exactly these three fields: nothing of the buyer (their ID number least of all) goes into storage.
 */
export interface PendingCheckout {
  readonly orderId: string;
  readonly token: string;
  readonly email: string;
}

export function rememberCheckout(pending: PendingCheckout): void {
  // Copied field by field: whatever else the caller's object holds stays out of storage.
  const entry: PendingCheckout = { orderId: pending.orderId, token: pending.token, email: pending.email };
  try {
    sessionStorage.setItem(CHECKOUT_KEY, JSON.stringify(entry));
  } catch {
    // The cart page simply shows no "payment not completed" note.
  }
}

export function takePendingCheckout(): PendingCheckout | null {
  try {
    const raw = sessionStorage.getItem(CHECKOUT_KEY);
    sessionStorage.removeItem(CHECKOUT_KEY);
    const parsed: unknown = JSON.parse(raw ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const pending = parsed as Partial<PendingCheckout>;
    return typeof pending.orderId === 'string' && typeof pending.token === 'string'
      ? { orderId: pending.orderId, token: pending.token, email: typeof pending.email === 'string' ? pending.email : '' }
      : null;
  } catch {
    return null;
  }
}

export function forgetPendingCheckout(): void {
  try {
    sessionStorage.removeItem(CHECKOUT_KEY);
  } catch {
    // Nothing to forget.
  }
}

/** Keeps the recipient for the next checkout on this device (recipient-memory.ts says which fields). */
export function rememberRecipient(recipient: Parameters<typeof recipientToRemember>[0]): void {
  try {
    localStorage.setItem(RECIPIENT_KEY, JSON.stringify(recipientToRemember(recipient)));
  } catch {
    // Typed again next time.
  }
}

export function rememberedRecipient(): RememberedRecipient | null {
  try {
    return parseRememberedRecipient(localStorage.getItem(RECIPIENT_KEY));
  } catch {
    return null;
  }
}

/** The shopper asked not to be remembered: what an earlier checkout kept goes too. */
export function forgetRecipient(): void {
  try {
    localStorage.removeItem(RECIPIENT_KEY);
  } catch {
    // Nothing to forget.
  }
}

/**
 * The order page's token, kept for this tab by order id: a reload or a language switch that
 * lost the URL fragment still finds the order.
 */
export function rememberOrderToken(link: OrderLink): void {
  try {
    sessionStorage.setItem(orderTokenKey(link.id), link.token);
  } catch {
    // The fragment in the URL is then the only copy.
  }
}

export function rememberedOrderToken(id: string): string | null {
  try {
    return sessionStorage.getItem(orderTokenKey(id));
  } catch {
    return null;
  }
}

/** The shopper's cart as the API prices it now, or null when they have none (a lapsed one is forgotten). */
export async function loadCart(currency: CurrencyCode): Promise<ApiResult<CartView> | null> {
  const id = currentCartId();
  if (!id) return null;
  const answer = await shopApi.getCart(id, currency);
  if (!answer.ok && answer.status === 404) {
    forgetCart();
    return null;
  }
  if (answer.ok) {
    rememberCart(answer.body.id);
    announceCount(answer.body.itemCount, answer.body.id);
  }
  return answer;
}

export type AddOutcome =
  | { readonly kind: 'added'; readonly cart: CartView; readonly quantity: number }
  | { readonly kind: 'not-enough'; readonly available: number; readonly inCart: number }
  /** China does not let it in as a cross-border retail import (422): not on the positive list, or no HS code. */
  | { readonly kind: 'not-importable'; readonly reason: UnavailableReason }
  | { readonly kind: 'failed' };

/**
 * Adds `quantity` units to what the cart already holds of a product, starting a cart when there is
 * none (or the remembered one has lapsed). PUT sets a line's quantity, so the current one is read first.
 */
export async function addToCart(productId: string, quantity: number): Promise<AddOutcome> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let cart: CartView | null = null;
    const id = currentCartId();
    if (id) {
      const answer = await shopApi.getCart(id, preferredCurrency());
      if (answer.ok) cart = answer.body;
      else if (answer.status === 404) forgetCart();
      else return { kind: 'failed' };
    }
    if (!cart) {
      const created = await shopApi.createCart();
      if (!created.ok) return { kind: 'failed' };
      cart = created.body;
      rememberCart(cart.id);
    }
    const inCart = cart.lines.find((line) => line.productId === productId)?.quantity ?? 0;
    const answer = await shopApi.setLine(cart.id, productId, inCart + quantity, preferredCurrency());
    if (answer.ok) {
      rememberCart(answer.body.id);
      announceCount(answer.body.itemCount, answer.body.id);
      return { kind: 'added', cart: answer.body, quantity };
    }
    if (answer.status === 409 && typeof answer.problem?.available === 'number') {
      return { kind: 'not-enough', available: answer.problem.available, inCart };
    }
    const notImportable = answer.status === 422 ? notImportableReason(answer.problem) : null;
    if (notImportable) return { kind: 'not-importable', reason: notImportable };
    // The product is gone from the catalogue: nothing can be added.
    if (answer.status === 404 && answer.problem?.errors?.some((error) => error.field === 'productId')) {
      return { kind: 'not-enough', available: 0, inCart };
    }
    // The cart lapsed between the two calls: start a new one, once.
    if (answer.status === 404) {
      forgetCart();
      continue;
    }
    return { kind: 'failed' };
  }
  return { kind: 'failed' };
}

/** Asks the API how many items the cart holds now (after a payment the cart is gone: forget it). */
export async function refreshCount(): Promise<void> {
  const id = currentCartId();
  if (!id) return announceCount(0, null);
  const answer = await shopApi.getCart(id, preferredCurrency());
  if (answer.ok) announceCount(answer.body.itemCount, answer.body.id);
  else if (answer.status === 404) forgetCart();
}
