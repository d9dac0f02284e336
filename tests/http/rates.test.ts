import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { DEFAULT_RATES_FILE } from '../../functions/adapters/rates/file-rate-source.js';
import { CURRENCIES } from '../../functions/domain/money.js';
import { createApi } from '../../functions/http/api.js';
import { aProduct } from '../fixtures/products.js';
import { fileRatesSnapshot } from '../fixtures/rates.js';
import { startShop, type Shop } from '../support/shop.js';
import { createTestTable } from '../support/table.js';

const HOURS = 3_600_000;
const honey = aProduct({ sku: 'RATES-HNY', stock: 10, price: { amount: 120_000, currency: 'KGS' } });
/** Priced in yuan: charged in yuan it converts nothing. */
const tea = aProduct({ sku: 'RATES-TEA', stock: 10, price: { amount: 5_000, currency: 'CNY' } });

let shop: Shop;
let loadedAt: string;

beforeAll(async () => {
  // startShop loads the rates file now, as `npm start` does (tests/fixtures/rates.ts).
  shop = await startShop({ products: [honey, tea] });
  loadedAt = (await shop.deps.rateStore.current())!.loadedAt;
});
afterAll(async () => shop?.close());
afterEach(() => {
  shop.clock.offsetMs = 0;
});

/** Moves the shop's clock to `hours` after the rates were loaded. */
function hoursAfterLoading(hours: number) {
  shop.clock.offsetMs = Date.parse(loadedAt) + hours * HOURS - Date.now();
}

describe('GET /api/rates', () => {
  it('answers every currency the store charges or shows against CNY, exactly, with a decimal to show, cacheable for 5 minutes', async () => {
    const response = await shop.api.request('/api/rates');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await response.json()) as any;
    const day = loadedAt.slice(0, 10);
    const source = `file:${DEFAULT_RATES_FILE} (figures of 2025-11-28, loaded ${day})`;
    expect(body).toMatchObject({
      asOf: day,
      source,
      loadedAt,
      fresh: true,
      freshUntil: new Date(Date.parse(loadedAt) + 48 * HOURS).toISOString(),
      maxAgeHours: 48,
    });
    expect(body.rates.map((rate: any) => rate.currency)).toEqual([...CURRENCIES]);
    expect(body.rates.find((rate: any) => rate.currency === 'CNY')).toMatchObject({ from: 'CNY', to: 'CNY', numerator: 1, denominator: 1, yuanPerUnit: '1' });
    // The file's "0.0812" yuan per som: 203/2500 yuan, and so 203/2500 fen per tyiyn.
    expect(body.rates.find((rate: any) => rate.currency === 'KGS')).toEqual({
      currency: 'KGS', from: 'KGS', to: 'CNY', numerator: 203, denominator: 2500, asOf: day, source, yuanPerUnit: '0.0812',
    });
    // "0.000592" per sum = 37/62500.
    expect(body.rates.find((rate: any) => rate.currency === 'UZS')).toMatchObject({ numerator: 37, denominator: 62_500, yuanPerUnit: '0.000592' });
  });

  it('says the rates are no longer charged at once they are 48 hours old', async () => {
    hoursAfterLoading(48);
    const body = (await (await shop.api.request('/api/rates')).json()) as any;
    expect(body).toMatchObject({ fresh: false, loadedAt });
  });

  it('answers 503 problem+json before any rates were ever loaded', async () => {
    const empty = await createTestTable('no-rates');
    try {
      const api = createApi({ catalogue: shop.deps.catalogue, rateStore: new DynamoRateStore(empty.doc, empty.tableName), clock: shop.clock });
      const response = await api.request('/api/rates');
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 503, reason: 'rates_missing' });
    } finally {
      empty.raw.destroy();
    }
  });
});

describe('a cart at rates past their freshness', () => {
  it('still shows its figures, at the stored rates, but says they are not payable now', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1 });
    hoursAfterLoading(47.99);
    const before = (await shop.call('GET', `/api/carts/${cartId}`)).body.checkoutTotal;
    expect(before.payable).toBe(true);
    hoursAfterLoading(48);
    const { status, body } = await shop.call('GET', `/api/carts/${cartId}`);
    expect(status).toBe(200);
    // KGS 1,200.00 at 0.0812 = CNY 97.44, plus honey's 6.3% tax 6.13872 → 6.14: the same figures as before.
    expect(body.checkoutTotal).toMatchObject({ total: { amount: 9_744 + 614, currency: 'CNY' }, payable: false, reason: 'rates_stale', ratesLoadedAt: loadedAt });
    expect(body.checkoutTotal.total).toEqual(before.total);
  });

  it('is payable still when it is priced and charged in yuan: no rate is used', async () => {
    const cartId = await shop.newCart({ [tea.id]: 1 });
    hoursAfterLoading(72);
    const { body } = await shop.call('GET', `/api/carts/${cartId}`);
    expect(body.checkoutTotal).toMatchObject({ payable: true, rates: [] });
    expect((await shop.call('GET', `/api/carts/${cartId}?currency=RUB`)).body.checkoutTotal).toMatchObject({ payable: false, reason: 'rates_stale' });
  });
});

describe('checkout at rates past their freshness', () => {
  it('answers 503 problem+json with reason rates_stale, reserves nothing, keeps the earlier checkout, and counts it for the alarm', async () => {
    const cartId = await shop.newCart({ [honey.id]: 2 });
    // A checkout at fresh rates holds 2 units...
    const first = await shop.checkout(cartId);
    expect(first.status).toBe(201);
    expect(await shop.units(honey.id)).toMatchObject({ reserved: 2 });
    const staleBefore = shop.telemetry.total('CheckoutRatesStale');

    // ...and a second one 48 hours after the rates were loaded is refused before anything moves.
    hoursAfterLoading(48);
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(503);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 503, reason: 'rates_stale', ratesLoadedAt: loadedAt, maxAgeHours: 48, title: 'Exchange rates are out of date' });
    expect(answer.body.detail).toContain('Nothing was reserved or charged');
    expect(await shop.units(honey.id)).toMatchObject({ reserved: 2 });
    expect((await shop.order(first.body.orderId)).order.status).toBe('pending_payment');
    expect(shop.telemetry.total('CheckoutRatesStale')).toBe(staleBefore + 1);
    expect(shop.telemetry.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'checkout refused', fields: expect.objectContaining({ reason: 'rates_stale' }) }));
  });

  it('charges again once fresh rates are loaded, and the order records the rates it used with their source', async () => {
    // The clock stays real here (the local Stripe checks session expiry against it): rates loaded 49 hours ago.
    await shop.deps.rateStore.save(fileRatesSnapshot(new Date(Date.now() - 49 * HOURS)));
    const cartId = await shop.newCart({ [honey.id]: 1 });
    expect((await shop.checkout(cartId)).status).toBe(503);
    const refreshed = fileRatesSnapshot(new Date());
    await shop.deps.rateStore.save(refreshed);
    const placed = await shop.checkout(cartId);
    expect(placed.status).toBe(201);
    const { order } = await shop.order(placed.body.orderId);
    expect(order.rates).toEqual([{ from: 'KGS', to: 'CNY', numerator: 203, denominator: 2500, asOf: refreshed.asOf, source: refreshed.source }]);
    expect(refreshed.source).toMatch(/^file:functions\/adapters\/rates\/default-rates\.json \(figures of 2025-11-28, loaded \d{4}-\d{2}-\d{2}\)$/);
  });
});
