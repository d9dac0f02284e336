import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FREIGHT_RATES, MAX_FREIGHT_PER_KG_FEN, type FreightRates } from '../../functions/domain/freight.js';
import { aPavilion } from '../fixtures/products.js';
import { aListingBody, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
const kg = (method: string, json?: unknown) => bed.call(method, '/api/pavilion/freight', { token: bed.tokens.KG, json });

const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
/** What Kyrgyzstan might charge: the bonded warehouse free, rail ¥22 + ¥9, air ¥55 + ¥26. */
const KG_RATES: FreightRates = {
  bonded_warehouse: { firstKg: cny(0), extraKg: cny(0) },
  direct_rail: { firstKg: cny(22_00), extraKg: cny(9_00) },
  direct_air: { firstKg: cny(55_00), extraKg: cny(26_50) },
};

/** A copy of KG_RATES with one figure of one mode replaced. */
function withAmount(mode: keyof FreightRates, part: 'firstKg' | 'extraKg', value: unknown): Record<string, unknown> {
  return { ...KG_RATES, [mode]: { ...KG_RATES[mode], [part]: value } };
}

beforeAll(async () => {
  bed = await startPavilionTestbed();
});
afterAll(() => bed.stop());

describe("a pavilion's freight rates", () => {
  it("are the store's defaults until the manager sets them, and say so", async () => {
    const response = await kg('GET');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({ rates: DEFAULT_FREIGHT_RATES, isDefault: true });
  });

  it('are set for the manager’s own pavilion, answered back, and kept', async () => {
    const saved = await kg('PUT', KG_RATES);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ rates: KG_RATES, isDefault: false });
    expect((await kg('GET')).body).toEqual({ rates: KG_RATES, isDefault: false });
    expect((await bed.catalogue.getPavilion('KG'))?.freightRates).toEqual(KG_RATES);
    // Russia's are untouched: still the defaults.
    expect((await bed.call('GET', '/api/pavilion/freight', { token: bed.tokens.RU })).body).toEqual({ rates: DEFAULT_FREIGHT_RATES, isDefault: true });
    expect((await bed.catalogue.getPavilion('RU'))?.freightRates).toBeUndefined();
  });

  it('take free (0) and the ceiling itself, and replace every mode at once', async () => {
    const extremes = { ...withAmount('direct_air', 'firstKg', cny(MAX_FREIGHT_PER_KG_FEN)), direct_rail: { firstKg: cny(0), extraKg: cny(0) } };
    const response = await kg('PUT', extremes);
    expect(response.status).toBe(200);
    expect((await kg('GET')).body.rates).toEqual(extremes);
    expect((await kg('PUT', KG_RATES)).status).toBe(200);
  });

  it.each([
    ['a missing mode', (() => { const { direct_air, ...rest } = KG_RATES; return rest; })(), 'direct_air'],
    ['a missing figure', { ...KG_RATES, direct_rail: { firstKg: cny(22_00) } }, 'direct_rail.extraKg'],
    ['a negative figure', withAmount('direct_rail', 'extraKg', cny(-1)), 'direct_rail.extraKg.amount'],
    ['a fraction of a fen', withAmount('direct_rail', 'extraKg', cny(12.5)), 'direct_rail.extraKg.amount'],
    ['yuan as a string', withAmount('direct_rail', 'firstKg', { amount: '28.00', currency: 'CNY' }), 'direct_rail.firstKg.amount'],
    ['more than the ceiling', withAmount('direct_air', 'extraKg', cny(MAX_FREIGHT_PER_KG_FEN + 1)), 'direct_air.extraKg.amount'],
    ['another currency', withAmount('bonded_warehouse', 'firstKg', { amount: 100, currency: 'KGS' }), 'bonded_warehouse.firstKg.currency'],
    ['an unknown mode', { ...KG_RATES, teleport: { firstKg: cny(1), extraKg: cny(1) } }, '(root)'],
    ['an unknown field in a rate', { ...KG_RATES, direct_air: { ...KG_RATES.direct_air, perParcel: cny(5) } }, 'direct_air'],
  ])('refuse %s with 400 naming the field, and change nothing', async (_what, body, field) => {
    const response = await kg('PUT', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect((await bed.catalogue.getPavilion('KG'))?.freightRates).toEqual(KG_RATES);
  });

  it('answer 400, not 500, to a body that is not JSON', async () => {
    const response = await bed.call('PUT', '/api/pavilion/freight', { token: bed.tokens.KG, body: '{"direct_rail":', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
  });

  it('are refused without a token (401), with a token that names no pavilion (403), or for a pavilion not on the site (403)', async () => {
    for (const method of ['GET', 'PUT']) {
      const anonymous = await bed.call(method, '/api/pavilion/freight', { json: method === 'PUT' ? KG_RATES : undefined });
      expect(anonymous.status, method).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const nobody = await bed.call(method, '/api/pavilion/freight', { token: await bed.issuer.signToken('KG', { pavilionIn: 'none' }), json: method === 'PUT' ? KG_RATES : undefined });
      expect(nobody.status, method).toBe(403);
    }
    // A manager of a pavilion that is not (or no longer) open: nothing is created for it.
    const closed = await bed.issuer.signToken('TJ');
    expect((await bed.call('GET', '/api/pavilion/freight', { token: closed })).status).toBe(403);
    expect((await bed.call('PUT', '/api/pavilion/freight', { token: closed, json: KG_RATES })).status).toBe(403);
    expect(await bed.catalogue.getPavilion('TJ')).toBeNull();
  });
});

describe('freight rates in the catalogue store', () => {
  it('travel with the pavilion item: written by putPavilion, read by getPavilion and listPavilions', async () => {
    await bed.catalogue.putPavilion(aPavilion({ code: 'UZ', currency: 'UZS', freightRates: KG_RATES }));
    expect((await bed.catalogue.getPavilion('UZ'))?.freightRates).toEqual(KG_RATES);
    expect((await bed.catalogue.listPavilions()).find((pavilion) => pavilion.code === 'UZ')?.freightRates).toEqual(KG_RATES);
  });

  it('are replaced alone: the product count and the rest of the pavilion stay as they were', async () => {
    await bed.call('POST', '/api/pavilion/listings', { token: bed.tokens.KG, json: aListingBody({ sku: 'COUNTED' }) });
    const before = (await bed.catalogue.getPavilion('KG'))!;
    expect(before.productCount).toBe(1);
    const rail = { firstKg: cny(30_00), extraKg: cny(12_00) };
    expect(await bed.catalogue.setFreightRates('KG', { ...KG_RATES, direct_rail: rail })).toBe(true);
    expect(await bed.catalogue.getPavilion('KG')).toEqual({ ...before, freightRates: { ...KG_RATES, direct_rail: rail } });
  });

  it('are not written for a pavilion that does not exist', async () => {
    expect(await bed.catalogue.setFreightRates('AF', KG_RATES)).toBe(false);
    expect(await bed.catalogue.getPavilion('AF')).toBeNull();
  });
});
