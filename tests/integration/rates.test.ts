import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { CBR_SOURCE, CbrDailyRateSource } from '../../functions/adapters/rates/cbr-daily.js';
import { DEFAULT_RATES_FILE, FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import { RateSourceError } from '../../functions/ports/rate-source.js';
import { currentRates, loadRatesFile, refreshRates, seedRatesIfStale } from '../../functions/usecases/exchange-rates.js';
import { fileRatesSnapshot } from '../fixtures/rates.js';
import { createTestTable } from '../support/table.js';
import { RecordingTelemetry } from '../support/telemetry.js';

/** The Bank of Russia's answer of 13.12.2025 (tests/fixtures/rates), served without a network. */
const DECEMBER = readFileSync(new URL('../fixtures/rates/cbr-xml-daily-eng-2025-12-13.xml', import.meta.url));
const recordedFeed = () => new CbrDailyRateSource({ fetch: (async () => new Response(DECEMBER)) as unknown as typeof fetch });
const unreachableFeed = () =>
  new CbrDailyRateSource({
    fetch: (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch,
  });

let table: Awaited<ReturnType<typeof createTestTable>>;
let store: DynamoRateStore;
const clockAt = (iso: string) => ({ now: () => new Date(iso) });

beforeAll(async () => {
  table = await createTestTable('rates');
  store = new DynamoRateStore(table.doc, table.tableName);
});
afterAll(() => table?.raw.destroy());

describe('the rate store on DynamoDB Local', () => {
  it('has nothing before the first load, then keeps the snapshot under its one key with its date, source and load time', async () => {
    expect(await store.current()).toBeNull();
    const snapshot = fileRatesSnapshot(new Date('2026-11-30T09:00:00Z'));
    await store.save(snapshot);
    expect(await store.current()).toEqual(snapshot);
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.exchangeRates() }));
    expect(Item).toMatchObject({ type: 'exchange_rates', asOf: '2026-11-30', loadedAt: '2026-11-30T09:00:00.000Z' });
    // Exact fractions as strings: never a float in the table.
    expect(Item!.rates.find((rate: { currency: string }) => rate.currency === 'KGS')).toEqual({
      currency: 'KGS',
      yuanPerUnit: '203/2500',
      asOf: '2026-11-30',
      source: `file:${DEFAULT_RATES_FILE} (figures of 2025-11-28, loaded 2026-11-30)`,
    });
  });
});

describe('refreshing from the feed', () => {
  beforeEach(async () => store.save(fileRatesSnapshot(new Date('2025-12-12T09:00:00Z'))));

  it('stores the Bank of Russia’s rates, with AFN and PKR from the rates file labelled as such, and counts the refresh', async () => {
    const telemetry = new RecordingTelemetry();
    const report = await refreshRates({ rateStore: store, clock: clockAt('2025-12-13T14:00:00Z'), telemetry, feed: recordedFeed(), gaps: FileRateSource.bundledDefault() });
    const fileSource = `file:${DEFAULT_RATES_FILE} (figures of 2025-11-28, loaded 2025-12-13)`;
    expect(report).toEqual({
      asOf: '2025-12-13',
      source: CBR_SOURCE,
      loadedAt: '2025-12-13T14:00:00.000Z',
      bySource: { [CBR_SOURCE]: ['CNY', 'KZT', 'KGS', 'UZS', 'TJS', 'RUB', 'BYN', 'INR', 'EGP', 'MNT', 'TRY', 'USD', 'EUR', 'HKD'], [fileSource]: ['PKR', 'AFN'] },
    });
    const stored = await store.current();
    expect(stored).toMatchObject({ asOf: '2025-12-13', source: CBR_SOURCE, loadedAt: '2025-12-13T14:00:00.000Z' });
    expect(stored!.rates.find((rate) => rate.currency === 'KGS')).toEqual({ currency: 'KGS', yuanPerUnit: '227929/2818150', asOf: '2025-12-13', source: CBR_SOURCE });
    expect(stored!.rates.find((rate) => rate.currency === 'AFN')).toEqual({ currency: 'AFN', yuanPerUnit: '269/2500', asOf: '2025-12-13', source: fileSource });
    expect(telemetry.total('RatesRefreshed')).toBe(1);
    expect(telemetry.logs.find((log) => log.message === 'exchange rates refreshed')?.fields.currencies).toContain(`${fileSource}: PKR AFN`);
  });

  it('leaves the stored rates as they were when the feed cannot be reached, and says so', async () => {
    const before = await store.current();
    const telemetry = new RecordingTelemetry();
    const refresh = refreshRates({ rateStore: store, clock: clockAt('2025-12-13T14:00:00Z'), telemetry, feed: unreachableFeed(), gaps: FileRateSource.bundledDefault() });
    await expect(refresh).rejects.toThrow(RateSourceError);
    await expect(refresh).rejects.toThrow(/XML_daily.asp is not reachable/);
    expect(await store.current()).toEqual(before);
    expect(telemetry.total('RatesRefreshed')).toBe(0);
    expect(telemetry.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'exchange rates refresh failed; the stored rates are unchanged' }));
  });

  it('refuses a feed that stopped publishing (its rates 28 days old) and keeps the stored ones', async () => {
    const before = await store.current();
    const refresh = refreshRates({ rateStore: store, clock: clockAt('2026-01-10T14:00:00Z'), telemetry: new RecordingTelemetry(), feed: recordedFeed(), gaps: FileRateSource.bundledDefault() });
    await expect(refresh).rejects.toThrow(/stopped publishing/);
    expect(await store.current()).toEqual(before);
  });
});

describe('loading the rates file (npm start, an operator’s override)', () => {
  it('loads it when no rates are stored or they are stale, and keeps fresh ones (from the feed) on a restart', async () => {
    const fresh = await createTestTable('rates-seed');
    try {
      const rates = new DynamoRateStore(fresh.doc, fresh.tableName);
      const file = FileRateSource.bundledDefault();
      const first = await seedRatesIfStale({ rateStore: rates, clock: clockAt('2025-12-13T09:00:00Z'), file });
      expect(first).toMatchObject({ loaded: true, snapshot: { asOf: '2025-12-13', loadedAt: '2025-12-13T09:00:00.000Z' } });
      expect(first.snapshot.source).toBe(`file:${DEFAULT_RATES_FILE} (figures of 2025-11-28, loaded 2025-12-13)`);

      await refreshRates({ rateStore: rates, clock: clockAt('2025-12-13T14:00:00Z'), telemetry: new RecordingTelemetry(), feed: recordedFeed(), gaps: file });
      // A restart 47 hours later keeps the feed's rates...
      expect(await seedRatesIfStale({ rateStore: rates, clock: clockAt('2025-12-15T13:00:00Z'), file })).toMatchObject({ loaded: false, snapshot: { source: CBR_SOURCE } });
      // ...a start a month later loads the file again, as published that day, and sells.
      const later = await seedRatesIfStale({ rateStore: rates, clock: clockAt('2026-01-15T08:00:00Z'), file });
      expect(later).toMatchObject({ loaded: true, snapshot: { asOf: '2026-01-15', loadedAt: '2026-01-15T08:00:00.000Z' } });
      expect((await currentRates({ rateStore: rates, clock: clockAt('2026-01-15T08:00:01Z') })).freshness.fresh).toBe(true);
    } finally {
      fresh.raw.destroy();
    }
  });

  it('refuses an override file that leaves out a currency, storing nothing', async () => {
    const before = await store.current();
    const partial = new FileRateSource('partial.json', async () => ({ asOf: '2026-11-29', yuanPerUnit: { AFN: '0.1031' } }));
    await expect(loadRatesFile({ rateStore: store, clock: clockAt('2026-11-30T09:00:00Z'), file: partial })).rejects.toThrow(/No rate for KZT, KGS/);
    expect(await store.current()).toEqual(before);
  });
});
