import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { checkoutDetails, eventually, newResidentId } from '../support/shop.js';

/**
 * The whole way, on the store `npm start` runs: a shopper checks out and pays on the local Stripe,
 * and the operator's customs document carries the buyer's ID number opened with the local key file,
 * the line's HS code and the payment's id, while the shopper's own order shows the number masked.
 */
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, site: false });
}, 120_000);

afterAll(() => stack?.stop());

async function json(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(`${stack.url}${path}`, { ...init, headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

it('gives the operator the customs document of an order paid through the local store, and the shopper only the masked number', async () => {
  const idNumber = newResidentId();
  const { body: page } = await json('/api/products?pavilion=KG&limit=1');
  const product = page.items[0];
  expect(product.hsCode).toMatch(/^\d{10}$/);
  const { body: cart } = await json('/api/carts', { method: 'POST', body: '{}' });
  expect((await json(`/api/carts/${cart.id}/lines/${product.id}`, { method: 'PUT', body: JSON.stringify({ quantity: 2 }) })).status).toBe(200);
  const checkout = await json('/api/checkout', {
    method: 'POST',
    body: JSON.stringify({ cartId: cart.id, currency: 'CNY', language: 'zh', ...checkoutDetails({ idNumber }) }),
  });
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
  const { orderId, orderToken, checkoutUrl } = checkout.body;

  const operatorToken = await stack.signOperatorToken();
  // Not paid yet: nothing to declare.
  expect((await json(`/api/operator/orders/${orderId}/customs`, { token: operatorToken })).status).toBe(409);

  await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'alipay' }), redirect: 'manual' });
  const order = await eventually(
    async () => (await json(`/api/orders/${orderId}`, { headers: { 'x-order-token': orderToken } })).body,
    (body) => body.status === 'paid',
  );
  expect(JSON.stringify(order)).not.toContain(idNumber);

  const customs = await json(`/api/operator/orders/${orderId}/customs`, { token: operatorToken });
  expect(customs.status).toBe(200);
  expect(customs.headers.get('cache-control')).toBe('no-store');
  expect(customs.body).toMatchObject({
    orderId,
    status: 'paid',
    buyer: { name: '王芳', idNumber },
    recipient: { province: { code: '370000' }, city: { code: '370200' }, district: { code: '370202' }, postcode: '266071' },
    lines: [{ sku: product.sku, hsCode: product.hsCode, title: product.title.zh, quantity: 2 }],
    currency: 'CNY',
    amountPaid: order.total,
  });
  expect(customs.body.paymentId).toMatch(/^(pi|cs)_/);
  const { goods, freight, dutiableValue } = customs.body;
  expect(dutiableValue.amount).toBe(goods.amount + freight.amount);

  const manager = await json(`/api/operator/orders/${orderId}/customs`, { token: await stack.signToken('KG') });
  expect(manager.status).toBe(403);
  expect(JSON.stringify(manager.body)).not.toContain(idNumber);
}, 60_000);
