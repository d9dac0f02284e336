import { CART_ID, CART_LIFETIME_DAYS } from '../../../../functions/domain/cart.js';

/**
 * The cart id lives in a first-party cookie, so every page of the site (and the API on the same
 * origin) knows the cart without an account. Lax: sent on the top-level return from Stripe.
 * Its life matches the cart's: 30 days after the last change (CART_LIFETIME_DAYS), renewed on use.
 */
export const CART_COOKIE = 'cart_id';
const CART_COOKIE_MAX_AGE_SECONDS = CART_LIFETIME_DAYS * 24 * 60 * 60;

/** The cart id from a `document.cookie` string, or null when there is none or it is not a cart id. */
export function cartIdFromCookies(cookies: string): string | null {
  for (const pair of cookies.split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name !== CART_COOKIE) continue;
    const value = rest.join('=');
    return CART_ID.test(value) ? value : null;
  }
  return null;
}

/** The Set-Cookie text for `document.cookie`; Secure whenever the page itself came over https. */
export function cartCookie(id: string, secure: boolean): string {
  if (!CART_ID.test(id)) throw new RangeError('Not a cart id');
  return `${CART_COOKIE}=${id}; Path=/; Max-Age=${CART_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function expiredCartCookie(secure: boolean): string {
  return `${CART_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure ? '; Secure' : ''}`;
}
