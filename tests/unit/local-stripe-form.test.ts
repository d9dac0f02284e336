import { describe, expect, it } from 'vitest';
import { parseStripeForm } from '../../infra/local/stripe/form.js';

describe('parseStripeForm (the local Stripe reads bodies as stripe-node writes them)', () => {
  it('turns bracketed keys into nested objects and indexed keys into arrays', () => {
    const body = new URLSearchParams([
      ['mode', 'payment'],
      ['line_items[0][quantity]', '2'],
      ['line_items[0][price_data][currency]', 'cny'],
      ['line_items[0][price_data][product_data][name]', '蜂蜜 & jam'],
      ['line_items[1][quantity]', '1'],
      ['allowed_payment_method_types[0]', 'card'],
      ['allowed_payment_method_types[1]', 'wechat_pay'],
      ['payment_method_options[wechat_pay][client]', 'web'],
      ['metadata[orderId]', 'ORD-1'],
      ['expand[]', 'line_items'],
    ]).toString();
    expect(parseStripeForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ quantity: '2', price_data: { currency: 'cny', product_data: { name: '蜂蜜 & jam' } } }, { quantity: '1' }],
      allowed_payment_method_types: ['card', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      metadata: { orderId: 'ORD-1' },
      expand: ['line_items'],
    });
  });
});
