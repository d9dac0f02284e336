import { describe, expect, it } from 'vitest';
import { keepPolling, ORDER_POLL_FOR_MS, orderLinkFrom, statusTone } from '../../site/src/features/cart/order-state.js';

const TOKEN = 'jixIFeG3SonpVLI794fA6ekXc3snGFtVLZXhAV8bgp8';

describe('the order page', () => {
  it('finds the order id and token in the success URL Stripe returns to', () => {
    expect(orderLinkFrom(`?id=ORD-180BJZHDASASSD23&token=${TOKEN}`)).toEqual({ id: 'ORD-180BJZHDASASSD23', token: TOKEN });
  });

  it('treats a link without a well-formed id or token as no order at all', () => {
    expect(orderLinkFrom('')).toBeNull();
    expect(orderLinkFrom(`?id=ORD-180BJZHDASASSD23`)).toBeNull();
    expect(orderLinkFrom(`?id=../../carts&token=${TOKEN}`)).toBeNull();
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23&token=short')).toBeNull();
  });

  it('keeps asking while the payment is unconfirmed, for two minutes at most', () => {
    expect(keepPolling(null, 0)).toBe(true);
    expect(keepPolling('pending_payment', ORDER_POLL_FOR_MS - 1)).toBe(true);
    expect(keepPolling('pending_payment', ORDER_POLL_FOR_MS)).toBe(false);
    expect(keepPolling('paid', 0)).toBe(false);
    expect(keepPolling('expired', 0)).toBe(false);
  });

  it('colours each status by what it means to the shopper', () => {
    expect(statusTone('pending_payment')).toBe('wait');
    expect(statusTone('paid')).toBe('ok');
    expect(statusTone('paid_needs_attention')).toBe('warn');
    expect(statusTone('expired')).toBe('bad');
    expect(statusTone('payment_failed')).toBe('bad');
  });
});
