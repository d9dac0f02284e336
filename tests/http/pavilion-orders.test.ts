import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
const kg = (method: string, path: string, json?: unknown) => bed.call(method, path, { token: bed.tokens.KG, json });
const order = (n: number) => `ORD-${String(n).padStart(16, '0')}`;

beforeAll(async () => {
  bed = await startPavilionTestbed();
  // Five paid KG lines an hour apart, one unpaid KG line (not in the queue), one RU line.
  for (let n = 1; n <= 5; n++) {
    await bed.putOrderLine({ orderId: order(n), lineNo: 1, pavilion: 'KG', paidAt: new Date(Date.UTC(2026, 2, 1, n)).toISOString() });
  }
  await bed.putOrderLine({ orderId: order(9), lineNo: 2, pavilion: 'KG', fulfilment: 'awaiting_payment' });
  await bed.putOrderLine({ orderId: order(8), lineNo: 1, pavilion: 'RU', paidAt: new Date(Date.UTC(2026, 2, 2)).toISOString() });
});
afterAll(() => bed.stop());

describe('the orders queue', () => {
  it('lists the pavilion’s paid lines newest first, page by page, without the shopper’s charge', async () => {
    const first = await kg('GET', '/api/pavilion/orders?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items.map((line: any) => line.orderId)).toEqual([order(5), order(4), order(3)]);
    expect(first.body.items[0]).not.toHaveProperty('chargedUnitPrice');
    const second = await kg('GET', `/api/pavilion/orders?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((line: any) => line.orderId)).toEqual([order(2), order(1)]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('marks a line shipped with carrier and tracking number, once', async () => {
    const shipped = await kg('POST', `/api/pavilion/orders/${order(3)}/lines/1/shipment`, { carrier: 'China Post', trackingNumber: 'EE123456789CN' });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ fulfilment: 'shipped', carrier: 'China Post', trackingNumber: 'EE123456789CN', shippedAt: expect.any(String) });
    const again = await kg('POST', `/api/pavilion/orders/${order(3)}/lines/1/shipment`, { carrier: 'DHL', trackingNumber: 'X1234' });
    expect(again.status).toBe(409);
    const stored = await kg('GET', '/api/pavilion/orders?fulfilment=shipped');
    expect(stored.body.items).toMatchObject([{ orderId: order(3), carrier: 'China Post' }]);
    const toShip = await kg('GET', '/api/pavilion/orders?fulfilment=to_ship&limit=10');
    expect(toShip.body.items.map((line: any) => line.orderId)).toEqual([order(5), order(4), order(2), order(1)]);
  });

  it('refuses to ship an unpaid line (409), a missing one (404), and checks the fields', async () => {
    expect((await kg('POST', `/api/pavilion/orders/${order(9)}/lines/2/shipment`, { carrier: 'China Post', trackingNumber: 'EE1' + '23456789CN' })).status).toBe(409);
    expect((await kg('POST', `/api/pavilion/orders/${order(7)}/lines/1/shipment`, { carrier: 'China Post', trackingNumber: 'EE123456789CN' })).status).toBe(404);
    const bad = await kg('POST', `/api/pavilion/orders/${order(1)}/lines/1/shipment`, { carrier: '', trackingNumber: '<script>' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: any) => error.field).sort()).toEqual(['carrier', 'trackingNumber']);
    expect((await kg('POST', '/api/pavilion/orders/not-an-order/lines/1/shipment', { carrier: 'China Post', trackingNumber: 'EE123456789CN' })).status).toBe(400);
  });
});
