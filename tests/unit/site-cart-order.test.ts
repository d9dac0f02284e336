import { describe, expect, it } from 'vitest';
import { fulfilmentTone, keepPolling, ORDER_POLL_FOR_MS, orderLinkFrom, orderPageSuffix, statusTone } from '../../site/src/features/order/order-state.js';

const TOKEN = 'jixIFeG3SonpVLI794fA6ekXc3snGFtVLZXhAV8bgp8';

describe('the order page', () => {
  it('finds the order id in the query and the token in the fragment of the success URL Stripe returns to', () => {
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23', `#token=${TOKEN}`)).toEqual({ id: 'ORD-180BJZHDASASSD23', token: TOKEN });
  });

  it('never reads a token from the query, where access logs would already hold it', () => {
    expect(orderLinkFrom(`?id=ORD-180BJZHDASASSD23&token=${TOKEN}`, '')).toBeNull();
  });

  it('falls back to the token this tab remembered for that order when the fragment was lost, and only for that order', () => {
    const remembered = (id: string) => (id === 'ORD-180BJZHDASASSD23' ? TOKEN : null);
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23', '', remembered)).toEqual({ id: 'ORD-180BJZHDASASSD23', token: TOKEN });
    expect(orderLinkFrom('?id=ORD-280BJZHDASASSD23', '', remembered)).toBeNull();
  });

  it('prefers the token in the fragment over a remembered one, and skips a malformed fragment', () => {
    const other = 'A'.repeat(43);
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23', `#token=${TOKEN}`, () => other)?.token).toBe(TOKEN);
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23', '#token=short', () => other)?.token).toBe(other);
  });

  it('treats a link without a well-formed id or token as no order at all', () => {
    expect(orderLinkFrom('', '')).toBeNull();
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23', '')).toBeNull();
    expect(orderLinkFrom('?id=../../carts', `#token=${TOKEN}`, () => TOKEN)).toBeNull();
    expect(orderLinkFrom('?id=ORD-180BJZHDASASSD23', '#token=short')).toBeNull();
  });

  it('puts only the order id in the query of the order page address, the token in its fragment', () => {
    const suffix = orderPageSuffix({ id: 'ORD-180BJZHDASASSD23', token: TOKEN });
    expect(suffix).toBe(`?id=ORD-180BJZHDASASSD23#token=${TOKEN}`);
    const url = new URL(`https://shop.example/en/order/${suffix}`);
    expect(url.search).not.toContain('token');
    expect(orderLinkFrom(url.search, url.hash)).toEqual({ id: 'ORD-180BJZHDASASSD23', token: TOKEN });
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

  it('colours a line to ship as news and a shipped one as done, and a line awaiting payment not at all', () => {
    expect(fulfilmentTone('to_ship')).toBe('info');
    expect(fulfilmentTone('shipped')).toBe('ok');
    expect(fulfilmentTone('awaiting_payment')).toBeNull();
  });
});
