import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { checkoutDetails, eventually } from '../support/shop.js';

/**
 * The local outbox as `npm start` runs it: the store's timer sends what the table's outbox holds to
 * the local stand-in for SES, which keeps every message at /outbox/ and GET /api/outbox.
 */
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, site: false, mailEveryMs: 200 });
});
afterAll(async () => stack?.stop());

const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, body: type.includes('json') ? ((await response.json()) as any) : await response.text() };
};

type OutboxItem = { to: string; subject: string; text: string; html: string; sentAt: string; orderId: string | null };
const outbox = async () => (await api('GET', '/api/outbox')).body.items as OutboxItem[];

describe('the local outbox', () => {
  it('shows the confirmation and, after a cancellation, the refund mail, as JSON and as pages', async () => {
    const product = (await api('GET', '/api/products?pavilion=KG&limit=1')).body.items[0];
    const cart = (await api('POST', '/api/carts')).body;
    expect((await api('PUT', `/api/carts/${cart.id}/lines/${product.id}`, { quantity: 1 })).status).toBe(200);
    const placed = await api('POST', '/api/checkout', { ...checkoutDetails({ email: 'shopper@example.com' }), cartId: cart.id, language: 'en' });
    expect(placed.status).toBe(201);
    const { orderId, orderToken, checkoutUrl } = placed.body as { orderId: string; orderToken: string; checkoutUrl: string };
    const paid = await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'card' }), redirect: 'manual' });
    expect(paid.status).toBe(303);

    const confirmed = await eventually(outbox, (items) => items.some((item) => item.orderId === orderId));
    expect(confirmed.find((item) => item.orderId === orderId)).toMatchObject({
      to: 'shopper@example.com',
      subject: `Your order ${orderId} is confirmed`,
      text: expect.stringContaining(`${stack.url}/en/order/?id=${orderId}#token=${orderToken}`),
      html: expect.stringContaining('<!doctype html>'),
      sentAt: expect.any(String),
    });

    expect((await api('POST', `/api/orders/${orderId}/cancel`, undefined, { 'x-order-token': orderToken })).status).toBe(200);
    const after = await eventually(outbox, (items) => items.some((item) => item.orderId === orderId && item.subject.includes('cancelled')));
    const refunded = after.find((item) => item.subject === `Your order ${orderId} is cancelled and refunded`)!;
    expect(refunded.text).toContain('refunded in full');
    expect(after.filter((item) => item.orderId === orderId)).toHaveLength(2);

    const list = await api('GET', '/outbox/');
    expect(list.status).toBe(200);
    expect(list.type).toContain('text/html');
    expect(list.body).toContain(`Your order ${orderId} is cancelled and refunded`);
    const link = /href="(\/outbox\/[^"]+)"/.exec(list.body as string)![1]!;
    const message = await api('GET', link);
    expect(message.status).toBe(200);
    expect(message.body).toContain('<iframe sandbox');
    expect(message.body).toContain('<pre>');
    expect((await api('GET', '/outbox/no-such-message')).status).toBe(404);
    expect(stack.outboxUrl).toBe(`${stack.url}/outbox/`);
  });
});
