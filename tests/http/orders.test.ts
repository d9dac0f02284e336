import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

let shop: Shop;

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

async function placed() {
  const honey = aProduct({ stock: 5, price: { amount: 120_000, currency: 'KGS' } });
  const chocolate = aProduct({ pavilion: 'RU', stock: 5, price: { amount: 39_900, currency: 'RUB' } });
  await shop.deps.catalogue.putProducts([honey, chocolate]);
  const cartId = await shop.newCart({ [honey.id]: 1, [chocolate.id]: 2 });
  const answer = await shop.checkout(cartId, { language: 'en' });
  expect(answer.status).toBe(201);
  return { honey, chocolate, ...(answer.body as { orderId: string; orderToken: string; checkoutUrl: string }) };
}

describe('GET /api/orders/{id}', () => {
  it('shows the shopper holding the token the order’s status, total, rates and lines, and never the email', async () => {
    const { orderId, orderToken, honey, chocolate } = await placed();
    const answer = await shop.call('GET', `/api/orders/${orderId}`, undefined, { 'x-order-token': orderToken });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      orderId,
      status: 'pending_payment',
      currency: 'CNY',
      goods: { amount: 9_744 + 2 * 3_543, currency: 'CNY' },
      freight: { amount: 0, currency: 'CNY' },
      tax: { amount: 614 + 446, currency: 'CNY' },
      total: { amount: 9_744 + 2 * 3_543 + 614 + 446, currency: 'CNY' },
      dutiableValue: { amount: 9_744 + 2 * 3_543, currency: 'CNY' },
      subtotals: [{ amount: 120_000, currency: 'KGS' }, { amount: 79_800, currency: 'RUB' }],
      recipient: expect.objectContaining({ name: '王芳', district: { code: '370202', name: '市南区' }, postcode: '266071' }),
      buyer: { name: '王芳', idNumberMasked: expect.stringMatching(/^370\*{11}[0-9]{3}[0-9X]$/) },
      notice: { version: expect.any(String), acceptedAt: expect.any(String) },
      paidAt: null,
    });
    expect(answer.body.rates.map((rate: any) => rate.from)).toEqual(['KGS', 'RUB']);
    expect(answer.body.lines).toEqual([
      expect.objectContaining({ lineNo: 1, productId: honey.id, quantity: 1, chargedLineTotal: { amount: 9_744, currency: 'CNY' }, fulfilment: 'awaiting_payment', shipment: null }),
      expect.objectContaining({ lineNo: 2, productId: chocolate.id, quantity: 2, chargedUnitPrice: { amount: 3_543, currency: 'CNY' }, unitPrice: { amount: 39_900, currency: 'RUB' } }),
    ]);
    expect(JSON.stringify(answer.body)).not.toContain('@example.com');
    expect(answer.body).not.toHaveProperty('tokenHash');
  });

  it('follows the order to paid and shows shipment details once a pavilion has shipped a line', async () => {
    const { orderId, orderToken, checkoutUrl } = await placed();
    await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'card' }), redirect: 'manual' });
    const paid = await eventually(
      () => shop.call('GET', `/api/orders/${orderId}`, undefined, { 'x-order-token': orderToken }),
      (answer) => answer.body.status === 'paid',
    );
    expect(paid.body.paidAt).toEqual(expect.any(String));
    expect(paid.body.lines.map((line: any) => line.fulfilment)).toEqual(['to_ship', 'to_ship']);

    // What the pavilion workspace writes when it ships line 2.
    await shop.table.doc.send(
      new UpdateCommand({
        TableName: shop.table.tableName,
        Key: { PK: `ORDER#${orderId}`, SK: 'LINE#002' },
        UpdateExpression: 'SET fulfilment = :shipped, carrier = :carrier, trackingNumber = :tracking, shippedAt = :at',
        ExpressionAttributeValues: { ':shipped': 'shipped', ':carrier': 'Russian Post', ':tracking': 'RA123456789RU', ':at': '2026-02-01T10:00:00.000Z' },
      }),
    );
    const shipped = await shop.call('GET', `/api/orders/${orderId}`, undefined, { 'x-order-token': orderToken });
    expect(shipped.body.lines[0].shipment).toBeNull();
    expect(shipped.body.lines[1]).toMatchObject({
      fulfilment: 'shipped',
      shipment: { carrier: 'Russian Post', trackingNumber: 'RA123456789RU', shippedAt: '2026-02-01T10:00:00.000Z' },
    });
  });

  it('answers 404 for a wrong token and for an unknown order, alike', async () => {
    const { orderId, orderToken } = await placed();
    const wrongToken = orderToken.slice(0, -1) + (orderToken.endsWith('A') ? 'B' : 'A');
    const wrong = await shop.call('GET', `/api/orders/${orderId}`, undefined, { 'x-order-token': wrongToken });
    const unknown = await shop.call('GET', '/api/orders/ORD-0000000000000000', undefined, { 'x-order-token': orderToken });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses the token in the query (it would be written to access logs): 400 naming the parameter, and no order', async () => {
    const { orderId, orderToken } = await placed();
    const answer = await shop.call('GET', `/api/orders/${orderId}?token=${orderToken}`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('token');
    expect(answer.body.orderId).toBeUndefined();
  });

  it('answers 400 for a malformed id, a malformed token header or no token at all', async () => {
    const { orderId } = await placed();
    expect((await shop.call('GET', '/api/orders/not-an-order', undefined, { 'x-order-token': 'a'.repeat(43) })).status).toBe(400);
    expect((await shop.call('GET', `/api/orders/${orderId}`, undefined, { 'x-order-token': 'short' })).status).toBe(400);
    const missing = await shop.call('GET', `/api/orders/${orderId}`);
    expect(missing.status).toBe(400);
    expect(missing.type).toContain('application/problem+json');
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'x-order-token' })]);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the cart, checkout, order and webhook routes', async () => {
    const { body } = await shop.call('GET', '/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/carts', '/api/carts/{id}', '/api/carts/{id}/lines/{productId}', '/api/checkout', '/api/orders/{id}', '/api/webhooks/stripe']),
    );
    const orderParameters = body.paths['/api/orders/{id}'].get.parameters;
    expect(orderParameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'x-order-token', in: 'header' })]));
    expect(orderParameters.filter((parameter: { in: string }) => parameter.in === 'query')).toEqual([]);
    expect(body.paths['/api/webhooks/stripe'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'stripe-signature', in: 'header' })]));
  });
});
