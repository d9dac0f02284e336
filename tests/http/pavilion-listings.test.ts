import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aListingBody, anEdit, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
const kg = (method: string, path: string, json?: unknown) => bed.call(method, path, { token: bed.tokens.KG, json });

beforeAll(async () => {
  bed = await startPavilionTestbed();
});
afterAll(() => bed.stop());

describe('creating a listing', () => {
  it('opens it on the site with an id from the SKU, version 1, the counted stock, and counts it on the pavilion', async () => {
    const response = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'Honey.White-1' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/pavilion/listings/kg-honey-white-1');
    expect(response.body).toMatchObject({ id: 'kg-honey-white-1', pavilion: 'KG', status: 'active', version: 1, stock: 20, reserved: 0, onHand: 20 });
    expect((await bed.catalogue.getPavilion('KG'))?.productCount).toBe(1);
    const shop = await bed.call('GET', '/api/products/kg-honey-white-1');
    expect(shop.status).toBe(200);
    expect(bed.changes).toContain('kg-honey-white-1');
  });

  it('refuses a second listing with the same SKU (409), or one whose SKU maps to the same id', async () => {
    const again = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'Honey.White-1' }));
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'sku', message: expect.any(String) }]);
    const lookalike = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'honey-white.1' }));
    expect(lookalike.status).toBe(409);
    expect((await bed.catalogue.getPavilion('KG'))?.productCount).toBe(1);
  });

  it('reports every wrong field by name and writes nothing', async () => {
    const response = await kg(
      'POST',
      '/api/pavilion/listings',
      aListingBody({
        sku: 'bad sku!',
        title: { zh: '蜂蜜', ru: '  ', en: 'Honey' },
        price: { amount: 10.5, currency: 'KGS' },
        weightGrams: 0,
        fulfilment: { mode: 'teleport', leadTimeDays: 3 },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = response.body.errors.map((error: any) => error.field).sort();
    expect(fields).toEqual(['fulfilment.mode', 'price.amount', 'sku', 'title.ru', 'weightGrams']);
    expect((await bed.listings.listOwn({ pavilion: 'KG', limit: 50 })).items).toHaveLength(1);
  });

  it('refuses a price in another currency than the pavilion’s, an impossible date and a foreign image URL', async () => {
    const response = await kg(
      'POST',
      '/api/pavilion/listings',
      aListingBody({
        sku: 'RULES',
        price: { amount: 100, currency: 'CNY' },
        certificates: [{ kind: 'halal', number: 'H-1', issuer: 'Muftiyat', validUntil: '2027-02-30' }],
        images: ['https://evil.example/x.png', '/media/../../etc/passwd.png'],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: any) => error.field)).toEqual(['price.currency', 'certificates.0.validUntil', 'images.0', 'images.1']);
  });

  it('refuses a unit price above 99,999,999 minor units, the most one payment carries, and takes that price itself', async () => {
    const tooDear = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'TOO-DEAR', price: { amount: 100_000_000, currency: 'KGS' } }));
    expect(tooDear.status).toBe(400);
    expect(tooDear.body.errors).toEqual([{ field: 'price.amount', message: expect.stringContaining('99999999') }]);
    const dearest = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'DEAREST', price: { amount: 99_999_999, currency: 'KGS' } }));
    expect(dearest.status).toBe(201);
  });

  it('answers 400, not 500, to a body that is not JSON', async () => {
    const response = await bed.call('POST', '/api/pavilion/listings', {
      token: bed.tokens.KG, body: '{"sku":', headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });
});

describe("a listing's HS code", () => {
  const MESSAGE = "10 digits, China's tariff code, e.g. 0409000000";

  it('is required on a new listing: missing or malformed, the answer is 400 naming hsCode, and nothing is written', async () => {
    for (const hsCode of [undefined, '', '040900', '04090000001', '0409.00.00.00', 'honey', 409000000]) {
      const response = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'HS-BAD', hsCode }));
      expect(response.status, String(hsCode)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors, String(hsCode)).toEqual([{ field: 'hsCode', message: MESSAGE }]);
    }
    expect(await bed.listings.get('kg-hs-bad')).toBeNull();
  });

  it('is kept as given and answered back, in the workspace and to the shop', async () => {
    const created = await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'HS-APRICOT', category: 'fruit', hsCode: ' 0813100000 ' }));
    expect(created.status).toBe(201);
    expect(created.body.hsCode).toBe('0813100000');
    expect((await kg('GET', '/api/pavilion/listings/kg-hs-apricot')).body.hsCode).toBe('0813100000');
    expect((await bed.listings.get('kg-hs-apricot'))?.hsCode).toBe('0813100000');
  });

  it('cannot be dropped or broken by an edit, and an edit can change it', async () => {
    const { hsCode, ...withoutCode } = anEdit(1);
    const dropped = await kg('PUT', '/api/pavilion/listings/kg-hs-apricot', withoutCode);
    expect(dropped.status).toBe(400);
    expect(dropped.body.errors).toEqual([{ field: 'hsCode', message: MESSAGE }]);
    const broken = await kg('PUT', '/api/pavilion/listings/kg-hs-apricot', anEdit(1, { hsCode: '08131' }));
    expect(broken.body.errors).toEqual([{ field: 'hsCode', message: MESSAGE }]);
    const changed = await kg('PUT', '/api/pavilion/listings/kg-hs-apricot', anEdit(1, { hsCode: '0806200000' }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ hsCode: '0806200000', version: 2 });
  });
});

describe('editing a listing', () => {
  let id: string;
  beforeAll(async () => {
    id = (await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'EDIT-ME' }))).body.id;
  });

  it('writes the new content and bumps the version', async () => {
    const response = await kg('PUT', `/api/pavilion/listings/${id}`, anEdit(1, { category: 'jam', title: { zh: '果酱', ru: 'Джем', en: 'Jam' } }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 2, category: 'jam', title: { en: 'Jam' } });
    const shop = await bed.call('GET', '/api/products?category=jam');
    expect(shop.body.items.map((item: any) => item.id)).toContain(id);
  });

  it('refuses an edit made on a stale version with 409 and the current listing', async () => {
    const response = await kg('PUT', `/api/pavilion/listings/${id}`, anEdit(1, { weightGrams: 999 }));
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ field: 'version', message: expect.any(String) }]);
    expect(response.body.current.version).toBe(2);
    expect((await bed.listings.get(id))?.weightGrams).toBe(560);
  });

  it('never overwrites stock that checkout moved while the manager was editing', async () => {
    const before = (await kg('GET', `/api/pavilion/listings/${id}`)).body;
    await bed.reserve(id, 3);
    const response = await kg('PUT', `/api/pavilion/listings/${id}`, anEdit(before.version, { weightGrams: 600 }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ stock: 17, reserved: 3, onHand: 20, weightGrams: 600 });
  });

  it('refuses edits that try to set stock, the SKU or the pavilion', async () => {
    const current = (await kg('GET', `/api/pavilion/listings/${id}`)).body;
    for (const extra of [{ stock: 999 }, { sku: 'OTHER' }, { pavilion: 'RU' }, { reserved: 0 }]) {
      const response = await kg('PUT', `/api/pavilion/listings/${id}`, anEdit(current.version, extra));
      expect(response.status).toBe(400);
    }
    expect((await bed.listings.get(id))?.stock).toBe(17);
  });

  it('answers 404 for a listing that does not exist', async () => {
    expect((await kg('PUT', '/api/pavilion/listings/kg-nothing', anEdit(1))).status).toBe(404);
    expect((await kg('GET', '/api/pavilion/listings/kg-nothing')).status).toBe(404);
  });
});

describe('archiving and restoring', () => {
  it('takes the listing off the shop, keeps it in the workspace, and keeps the pavilion count right', async () => {
    const id = (await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'ARCHIVE-ME' }))).body.id;
    const countBefore = (await bed.catalogue.getPavilion('KG'))!.productCount;

    const archived = await kg('POST', `/api/pavilion/listings/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', version: 2 });
    expect((await bed.catalogue.getPavilion('KG'))!.productCount).toBe(countBefore - 1);
    expect((await bed.call('GET', `/api/products/${id}`)).status).toBe(404);
    expect((await bed.call('GET', '/api/products?pavilion=KG')).body.items.map((item: any) => item.id)).not.toContain(id);
    const archivedTab = await kg('GET', '/api/pavilion/listings?status=archived');
    expect(archivedTab.body.items.map((item: any) => item.id)).toEqual([id]);

    expect((await kg('POST', `/api/pavilion/listings/${id}/archive`)).status).toBe(409);

    const stale = await kg('POST', `/api/pavilion/listings/${id}/restore`, { version: 1 });
    expect(stale.status).toBe(409);
    const restored = await kg('POST', `/api/pavilion/listings/${id}/restore`, { version: 2 });
    expect(restored.body).toMatchObject({ status: 'active', version: 3 });
    expect((await bed.catalogue.getPavilion('KG'))!.productCount).toBe(countBefore);
    expect((await bed.call('GET', `/api/products/${id}`)).status).toBe(200);
  });
});

describe('listing own listings', () => {
  it('pages through every status, newest first, with a cursor', async () => {
    const first = await kg('GET', '/api/pavilion/listings?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await kg('GET', `/api/pavilion/listings?limit=2&cursor=${cursor}`);
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    expect(seen.length).toBe((await bed.listings.listOwn({ pavilion: 'KG', limit: 100 })).items.length);
  });

  it('answers 400, not 500, to a cursor carried over to another status filter', async () => {
    const all = await kg('GET', '/api/pavilion/listings?limit=1');
    expect(all.body.nextCursor).toEqual(expect.any(String));
    expect((await kg('GET', `/api/pavilion/listings?status=archived&cursor=${all.body.nextCursor}`)).status).toBe(400);
  });

  it('answers 400 to a tampered cursor', async () => {
    expect((await kg('GET', '/api/pavilion/listings?cursor=not-a-cursor')).status).toBe(400);
  });
});
