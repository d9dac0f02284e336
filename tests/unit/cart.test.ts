import { describe, expect, it } from 'vitest';
import { CartFullError, cartExpiresAt, emptyCart, MAX_CART_LINES, setLineQuantity } from '../../functions/domain/cart.js';

const at = '2026-03-01T12:00:00.000Z';
const later = '2026-03-02T12:00:00.000Z';

describe('setLineQuantity', () => {
  it('adds a product at the end, changes it in place, and removes it at 0', () => {
    let cart = emptyCart('x'.repeat(22), at);
    cart = setLineQuantity(cart, 'kg-a', 1, at);
    cart = setLineQuantity(cart, 'kg-b', 2, at);
    cart = setLineQuantity(cart, 'kg-a', 5, later);
    expect(cart.lines.map((line) => [line.productId, line.quantity, line.addedAt])).toEqual([['kg-a', 5, at], ['kg-b', 2, at]]);
    cart = setLineQuantity(cart, 'kg-a', 0, later);
    expect(cart.lines.map((line) => line.productId)).toEqual(['kg-b']);
    expect(cart.updatedAt).toBe(later);
    expect(cart.version).toBe(4);
  });

  it('refuses quantities that are negative, fractional or absurd', () => {
    const cart = emptyCart('x'.repeat(22), at);
    for (const quantity of [-1, 0.5, 1000, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => setLineQuantity(cart, 'kg-a', quantity, at)).toThrow(RangeError);
    }
  });

  it(`holds at most ${MAX_CART_LINES} different products, one checkout transaction’s worth`, () => {
    let cart = emptyCart('x'.repeat(22), at);
    for (let i = 0; i < MAX_CART_LINES; i++) cart = setLineQuantity(cart, `kg-p${i}`, 1, at);
    expect(() => setLineQuantity(cart, 'kg-one-more', 1, at)).toThrow(CartFullError);
    expect(setLineQuantity(cart, 'kg-p0', 3, at).lines).toHaveLength(MAX_CART_LINES);
  });

  it('lapses 30 days after its last use', () => {
    expect(cartExpiresAt(at)).toBe('2026-03-31T12:00:00.000Z');
  });
});
