import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aListingBody, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
const kg = (method: string, path: string, json?: unknown) => bed.call(method, path, { token: bed.tokens.KG, json });
let sku = 0;
async function aListing(onHand: number): Promise<string> {
  const response = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: `STOCK-${++sku}`, onHand }));
  expect(response.status).toBe(201);
  return response.body.id;
}

beforeAll(async () => {
  bed = await startPavilionTestbed();
});
afterAll(() => bed.stop());

describe('adjusting stock', () => {
  it('adds and removes units with a reason, and logs each movement newest first', async () => {
    const id = await aListing(10);
    const added = await kg('POST', `/api/pavilion/listings/${id}/stock`, { delta: 15, reason: 'restock', note: 'rail container 7' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ stock: 25, onHand: 25, version: 1 });
    const removed = await kg('POST', `/api/pavilion/listings/${id}/stock`, { delta: -2, reason: 'damaged' });
    expect(removed.body.stock).toBe(23);
    const history = await kg('GET', `/api/pavilion/listings/${id}/stock`);
    expect(history.body.items.map((movement: any) => [movement.delta, movement.reason])).toEqual([[-2, 'damaged'], [15, 'restock']]);
    expect(history.body.items[1]).toMatchObject({ note: 'rail container 7', by: 'demo-manager-kg' });
    expect(bed.changes.filter((change) => change === id).length).toBeGreaterThanOrEqual(3);
  });

  it('sets the units counted on hand: free stock becomes the count minus what checkouts hold', async () => {
    const id = await aListing(10);
    await bed.reserve(id, 4);
    const counted = await kg('POST', `/api/pavilion/listings/${id}/stock`, { onHand: 12, reason: 'count' });
    expect(counted.status).toBe(200);
    expect(counted.body).toMatchObject({ stock: 8, reserved: 4, onHand: 12 });
  });

  it('never lets on hand go below what checkouts have reserved (409, field named, nothing changed)', async () => {
    const id = await aListing(5);
    await bed.reserve(id, 3);
    const tooFew = await kg('POST', `/api/pavilion/listings/${id}/stock`, { onHand: 2, reason: 'count' });
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.errors).toEqual([{ field: 'onHand', message: expect.stringContaining('3 unit(s) are reserved') }]);
    const tooMany = await kg('POST', `/api/pavilion/listings/${id}/stock`, { delta: -3, reason: 'lost' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.errors[0].field).toBe('delta');
    expect(await bed.listings.get(id)).toMatchObject({ stock: 2, reserved: 3 });
    expect((await bed.listings.stockMovements(id, 10)).length).toBe(0);
  });

  it('takes exactly the free units when 20 removals race for 10', async () => {
    const id = await aListing(10);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => kg('POST', `/api/pavilion/listings/${id}/stock`, { delta: -1, reason: 'correction' })),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(10);
    expect(results.filter((result) => result.status === 409)).toHaveLength(10);
    expect(await bed.listings.get(id)).toMatchObject({ stock: 0 });
    expect(await bed.listings.stockMovements(id, 50)).toHaveLength(10);
  });

  it('refuses a change without a reason, with both delta and onHand, or of zero', async () => {
    const id = await aListing(1);
    for (const body of [{ delta: 1 }, { delta: 1, onHand: 3, reason: 'count' }, { delta: 0, reason: 'count' }, { delta: 1.5, reason: 'restock' }, { reason: 'restock' }]) {
      const response = await kg('POST', `/api/pavilion/listings/${id}/stock`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
  });
});
