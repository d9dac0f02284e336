import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aListingBody, anEdit, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
let ruListing: { id: string; version: number };
const RU_ORDER = 'ORD-RRRRRRRRRRRRRRRR';
const KG_ORDER = 'ORD-KKKKKKKKKKKKKKKK';

/** Freight rates with figures no other test uses, so a leak of RU's shows in any answer. */
const ratesOf = (rail: number) => ({
  bonded_warehouse: { firstKg: { amount: 0, currency: 'CNY' }, extraKg: { amount: 0, currency: 'CNY' } },
  direct_rail: { firstKg: { amount: rail, currency: 'CNY' }, extraKg: { amount: 1_200, currency: 'CNY' } },
  direct_air: { firstKg: { amount: 6_800, currency: 'CNY' }, extraKg: { amount: 3_000, currency: 'CNY' } },
});
const RU_RATES = ratesOf(31_337);
const KG_RATES = ratesOf(2_200);

beforeAll(async () => {
  bed = await startPavilionTestbed();
  const created = await bed.call('POST', '/api/pavilion/listings', {
    token: bed.tokens.RU,
    json: aListingBody({ sku: 'ALTAI-HONEY', price: { amount: 90_000, currency: 'RUB' }, title: { zh: '阿尔泰蜂蜜', ru: 'Алтайский мёд', en: 'Altai honey' } }),
  });
  expect(created.status).toBe(201);
  ruListing = created.body;
  await bed.call('POST', '/api/pavilion/listings', { token: bed.tokens.KG, json: aListingBody({ sku: 'KG-OWN' }) });
  const ruLine = await bed.putOrderLine({ orderId: RU_ORDER, lineNo: 1, pavilion: 'RU', paidAt: '2026-03-02T10:00:00.000Z', title: { zh: '阿尔泰', ru: 'Алтай', en: 'Altai' } });
  // A shipped RU line whose shopper asked to return it: what KG must not accept, decline or receive.
  const ruReturned = await bed.putOrderLine({
    orderId: RU_ORDER, lineNo: 2, pavilion: 'RU', paidAt: '2026-03-02T10:00:00.000Z', fulfilment: 'shipped', carrier: 'Pochta', trackingNumber: 'RU-0002',
    shippedAt: '2026-03-03T10:00:00.000Z', returnRequest: { status: 'requested', reason: 'wrong jar', requestedAt: '2026-03-20T10:00:00.000Z', goodsDueBy: '2026-05-12T10:00:00.000Z' },
  });
  await bed.putOrder(RU_ORDER, [ruLine, ruReturned]);
  await bed.putOrder(KG_ORDER, [await bed.putOrderLine({ orderId: KG_ORDER, lineNo: 1, pavilion: 'KG', paidAt: '2026-03-01T10:00:00.000Z' })]);
  expect((await bed.call('PUT', '/api/pavilion/freight', { token: bed.tokens.RU, json: RU_RATES })).status).toBe(200);
});
afterAll(() => bed.stop());

describe('pavilion KG cannot touch pavilion RU', () => {
  const attempts = () => [
    { method: 'GET', path: `/api/pavilion/listings/${ruListing.id}` },
    { method: 'PUT', path: `/api/pavilion/listings/${ruListing.id}`, json: anEdit(1, { price: { amount: 1, currency: 'KGS' } }) },
    { method: 'PUT', path: `/api/pavilion/listings/${ruListing.id}`, json: anEdit(1, { price: { amount: 1, currency: 'RUB' } }) },
    { method: 'POST', path: `/api/pavilion/listings/${ruListing.id}/archive`, json: {} },
    { method: 'POST', path: `/api/pavilion/listings/${ruListing.id}/restore`, json: {} },
    { method: 'POST', path: `/api/pavilion/listings/${ruListing.id}/stock`, json: { delta: 100, reason: 'restock' } },
    { method: 'POST', path: `/api/pavilion/listings/${ruListing.id}/stock`, json: { onHand: 0, reason: 'count' } },
    { method: 'GET', path: `/api/pavilion/listings/${ruListing.id}/stock` },
    { method: 'POST', path: `/api/pavilion/listings/${ruListing.id}/images`, json: { contentType: 'image/png', contentLength: 100 } },
    { method: 'POST', path: `/api/pavilion/orders/${RU_ORDER}/lines/1/shipment`, json: { carrier: 'Pony Express', trackingNumber: 'FAKE-0001' } },
    { method: 'POST', path: `/api/pavilion/orders/${RU_ORDER}/lines/1/refund`, json: { reason: 'out_of_stock' } },
    { method: 'POST', path: `/api/pavilion/orders/${RU_ORDER}/lines/2/return/accept` },
    { method: 'POST', path: `/api/pavilion/orders/${RU_ORDER}/lines/2/return/decline`, json: { reason: 'not ours to judge' } },
    { method: 'POST', path: `/api/pavilion/orders/${RU_ORDER}/lines/2/return/received`, json: { condition: 'resellable' } },
  ];

  it('gets 403 and nothing of the listing or the order on every route', async () => {
    for (const { method, path, json } of attempts()) {
      const response = await bed.call(method, path, { token: bed.tokens.KG, json });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.text).not.toMatch(/Altai|Алтай|90000|ALTAI-HONEY/);
    }
  });

  it('cannot read any order’s customs document, its own pavilion’s included: that is for operators', async () => {
    for (const orderId of [RU_ORDER, KG_ORDER]) {
      for (const query of ['', '?format=csv']) {
        const response = await bed.call('GET', `/api/operator/orders/${orderId}/customs${query}`, { token: bed.tokens.KG });
        expect(response.status, `${orderId}${query}`).toBe(403);
        expect(response.text).not.toMatch(/Altai|Алтай|蜂蜜|Honey/);
      }
    }
    // Nor find out which operator routes exist.
    expect((await bed.call('GET', '/api/operator/orders', { token: bed.tokens.KG })).status).toBe(403);
  });

  /**
   * Routes with no id in the path take the pavilion from the token alone: KG naming RU in the query
   * or the body reaches only its own (or is refused), and never reads or writes RU's.
   */
  const ownPavilionOnly = () => [
    { method: 'GET', path: '/api/pavilion/freight', status: 200 },
    { method: 'GET', path: '/api/pavilion/freight?pavilion=RU', status: 200 },
    { method: 'PUT', path: '/api/pavilion/freight?pavilion=RU', json: KG_RATES, status: 200 },
    { method: 'PUT', path: '/api/pavilion/freight', json: { ...KG_RATES, pavilion: 'RU' }, status: 400 },
    { method: 'GET', path: '/api/pavilion/orders?pavilion=RU', status: 400 },
    { method: 'GET', path: '/api/pavilion/listings?pavilion=RU', status: 400 },
  ];

  it('reaches only its own pavilion on the routes that take it from the token, whatever it names', async () => {
    for (const { method, path, json, status } of ownPavilionOnly()) {
      const response = await bed.call(method, path, { token: bed.tokens.KG, json });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.text, `${method} ${path}`).not.toMatch(/31337|Altai|Алтай|ALTAI-HONEY|RRRRRRRR/);
    }
    expect((await bed.catalogue.getPavilion('RU'))?.freightRates).toEqual(RU_RATES);
    expect((await bed.catalogue.getPavilion('KG'))?.freightRates).toEqual(KG_RATES);
    expect((await bed.call('GET', '/api/pavilion/freight', { token: bed.tokens.RU })).body).toEqual({ rates: RU_RATES, isDefault: false });
  });

  it('leaves the RU listing and its order line exactly as they were', async () => {
    const listing = await bed.listings.get(ruListing.id);
    expect(listing).toMatchObject({ version: 1, status: 'active', stock: 20, price: { amount: 90_000, currency: 'RUB' } });
    expect(await bed.listings.stockMovements(ruListing.id, 10)).toEqual([]);
    const queue = await bed.call('GET', '/api/pavilion/orders', { token: bed.tokens.RU });
    expect(queue.body.items).toMatchObject([
      { orderId: RU_ORDER, lineNo: 2, fulfilment: 'shipped', return: { status: 'requested' } },
      { orderId: RU_ORDER, lineNo: 1, fulfilment: 'to_ship' },
    ]);
    expect(queue.body.items[1]).not.toHaveProperty('refund');
  });

  it('never lists RU listings or RU order lines among KG’s own', async () => {
    const listings = await bed.call('GET', '/api/pavilion/listings', { token: bed.tokens.KG });
    expect(listings.body.items.map((item: any) => item.pavilion)).toEqual(['KG']);
    const orders = await bed.call('GET', '/api/pavilion/orders', { token: bed.tokens.KG });
    expect(orders.body.items.map((item: any) => item.orderId)).toEqual([KG_ORDER]);
  });

  it('cannot create a listing in RU by naming RU in the body or the SKU', async () => {
    const sneaky = await bed.call('POST', '/api/pavilion/listings', { token: bed.tokens.KG, json: aListingBody({ sku: 'ru-x', pavilion: 'RU' }) });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.errors).toContainEqual(expect.objectContaining({ field: '(root)' }));
    const bySku = await bed.call('POST', '/api/pavilion/listings', { token: bed.tokens.KG, json: aListingBody({ sku: 'ALTAI-HONEY' }) });
    expect(bySku.status).toBe(201);
    expect(bySku.body.id).toBe('kg-altai-honey');
    expect(bySku.body.pavilion).toBe('KG');
  });

  it('cannot page into RU listings with a cursor made for RU', async () => {
    const page = await bed.call('GET', '/api/pavilion/listings?limit=1', { token: bed.tokens.RU });
    const forged = Buffer.from(
      JSON.stringify({ PK: `PRODUCT#${ruListing.id}`, SK: 'PRODUCT', GSI1PK: 'PAVILION#RU', GSI1SK: 'PRODUCT#active#9' }),
    ).toString('base64url');
    const response = await bed.call('GET', `/api/pavilion/listings?cursor=${forged}`, { token: bed.tokens.KG });
    expect(response.status).toBe(400);
    expect(page.status).toBe(200);
  });
});
