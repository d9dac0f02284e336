import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QINGDAO_SHIP_TO, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

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

describe('where to ship', () => {
  /** A resident ID with a valid check character (GB 11643-1999, functions/domain/resident-id.ts): only ever its masked form may leave the store. */
  const FULL_ID = '370101190102039973';

  it('shows each line’s recipient with the full address, and the buyer by name and masked ID', async () => {
    const queue = await kg('GET', `/api/pavilion/orders?limit=1`);
    const [line] = queue.body.items;
    expect(line.shipTo).toEqual({
      recipient: {
        name: '王小明',
        phone: '13800138000',
        province: { code: '370000', name: '山东省' },
        city: { code: '370200', name: '青岛市' },
        district: { code: '370202', name: '市南区' },
        address: '香港中路 10 号 2 单元 501 室',
        postcode: '266071',
      },
      fullAddress: '山东省青岛市市南区香港中路 10 号 2 单元 501 室',
      buyerName: '王小明',
      buyerIdMasked: '370***********9973',
    });
    // What the waybill declares: the tariff code, the weight, and the line's value and freight in yuan.
    expect(line).toMatchObject({
      hsCode: '0409000000',
      weightGrams: 560,
      fulfilmentMode: 'direct_rail',
      goodsCny: { amount: 10_800, currency: 'CNY' },
      freightCny: { amount: 2_800, currency: 'CNY' },
      taxCny: { amount: 857, currency: 'CNY' },
    });
  });

  it('answers only the fields it names, so nothing else stored on a line reaches the pavilion', async () => {
    const orderId = order(20);
    await bed.putOrderLine({
      orderId, lineNo: 1, pavilion: 'KG', paidAt: new Date(Date.UTC(2026, 2, 9)).toISOString(),
      // As if a careless writer had put more of the buyer on the line than the contract allows.
      shipTo: { ...QINGDAO_SHIP_TO, buyerIdNumber: FULL_ID, recipient: { ...QINGDAO_SHIP_TO.recipient, email: 'wang@example.cn' } } as never,
      ...({ idNumberSealed: 'v1.sealed-secret', buyerPhone: '13900139000', email: 'wang@example.cn' } as object),
    });
    const queue = await kg('GET', '/api/pavilion/orders?limit=100');
    const line = queue.body.items.find((item: { orderId: string }) => item.orderId === orderId);
    expect(line.shipTo.buyerIdMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    for (const secret of [FULL_ID, 'sealed-secret', '13900139000', 'wang@example.cn', 'chargedUnitPrice', 'vatBp']) expect(queue.text).not.toContain(secret);
    const shipped = await kg('POST', `/api/pavilion/orders/${orderId}/lines/1/shipment`, { carrier: 'SF Express', trackingNumber: 'SF1234567890' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.shipTo.fullAddress).toBe('山东省青岛市市南区香港中路 10 号 2 单元 501 室');
    for (const secret of [FULL_ID, 'sealed-secret', '13900139000', 'wang@example.cn']) expect(shipped.text).not.toContain(secret);
  });
});
