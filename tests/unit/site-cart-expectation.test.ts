import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CART_EXPECTATION_SCRIPT } from '../../site/src/features/cart/cart-expectation.js';
import { cartCookie } from '../../site/src/features/cart/cart-cookie.js';
import { CART_COUNT_STORAGE_KEY } from '../../site/src/features/cart/session.js';

const CART_ID = 'q3Yc1xKp0mR8d2uVn5ZbAw';

/** Runs the inline script as a browser would at parse time (ES5, no modules), with this cookie and storage; answers the data-expect it set. */
function expectation(cookie: string, storage: Record<string, string> | 'blocked' = {}): string | undefined {
  const attributes: Record<string, string> = {};
  const root = { setAttribute: (name: string, value: string) => void (attributes[name] = value) };
  const localStorage = {
    getItem: (key: string) => {
      if (storage === 'blocked') throw new Error('SecurityError: storage is blocked');
      return storage[key] ?? null;
    },
  };
  runInNewContext(CART_EXPECTATION_SCRIPT, { document: { cookie, currentScript: { parentElement: root } }, localStorage, JSON });
  return attributes['data-expect'];
}

const cached = (cartId: string | null, count: number) => ({ [CART_COUNT_STORAGE_KEY]: JSON.stringify({ cartId, count, at: 1 }) });
const cookieOf = (id: string) => cartCookie(id, false).split(';')[0]!;

describe('the cart page’s first-paint guess (cart-expectation.ts)', () => {
  it('knows there is no cart without a cart cookie, or with the expired one forgetCart leaves', () => {
    expect(expectation('')).toBe('no-cart');
    expect(expectation('sco=1; other=x')).toBe('no-cart');
    expect(expectation('cart_id=; other=x')).toBe('no-cart');
    expect(expectation('my_cart_id=abc', cached(null, 0))).toBe('no-cart');
  });

  it('expects lines with a cart cookie, unless this browser last saw that very cart with nothing in it', () => {
    expect(expectation(`sco=1; ${cookieOf(CART_ID)}`)).toBe('lines');
    expect(expectation(cookieOf(CART_ID), cached(CART_ID, 3))).toBe('lines');
    expect(expectation(cookieOf(CART_ID), cached(CART_ID, 0))).toBe('empty');
    // A count remembered for another cart says nothing about this one.
    expect(expectation(cookieOf(CART_ID), cached('another-cart-id-000000', 0))).toBe('lines');
  });

  it('guesses lines when storage is blocked or holds something that is not a cached count', () => {
    expect(expectation(cookieOf(CART_ID), 'blocked')).toBe('lines');
    expect(expectation(cookieOf(CART_ID), { [CART_COUNT_STORAGE_KEY]: '{not json' })).toBe('lines');
    expect(expectation(cookieOf(CART_ID), { [CART_COUNT_STORAGE_KEY]: '0' })).toBe('lines');
  });
});
