import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CBR_SOURCE, CbrDailyRateSource, cbrPublishedRates, decodeCbrDocument, parseCbrDaily } from '../../functions/adapters/rates/cbr-daily.js';
import { DEFAULT_RATES_FILE, FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import { decimalText, parseRatioText, snapshotOf, type PublishedRates } from '../../functions/domain/exchange-rates.js';
import { CURRENCIES } from '../../functions/domain/money.js';
import { RateSourceError } from '../../functions/ports/rate-source.js';

/**
 * Two recorded answers of the Bank of Russia (tests/fixtures/rates/README.md): XML_daily_eng.asp of
 * 13.12.2025 (English names, ASCII) and XML_daily.asp of 04.04.2025 (Russian names, windows-1251).
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/rates/${name}`, import.meta.url));
const DECEMBER = fixture('cbr-xml-daily-eng-2025-12-13.xml');
const APRIL = fixture('cbr-xml-daily-2025-04-04.xml');

const yuanOf = (rates: PublishedRates, currency: string) => rates.rates.find((rate) => rate.currency === currency)?.yuanPerUnit;

describe('the Bank of Russia’s daily document', () => {
  const december = parseCbrDaily(decodeCbrDocument(DECEMBER));

  it('is dated by ValCurs Date (the day its rates take effect) and quotes each currency per Nominal units, with a decimal comma', () => {
    expect(december.date).toBe('2025-12-13');
    expect(december.valutes).toHaveLength(55);
    const byCode = new Map(december.valutes.map((valute) => [valute.charCode, valute]));
    // <Nominal>100</Nominal><Value>15,3320</Value>: 100 tenge = 15.3320 roubles.
    expect(byCode.get('KZT')).toMatchObject({ nominal: 100n, value: { numerator: 3833n, denominator: 250n } });
    // <Nominal>10000</Nominal><Value>66,1796</Value>: 10,000 sum = 66.1796 roubles.
    expect(byCode.get('UZS')).toMatchObject({ nominal: 10_000n, value: { numerator: 165_449n, denominator: 2_500n } });
    expect(byCode.get('MNT')).toMatchObject({ nominal: 1_000n });
    expect(byCode.get('CNY')).toMatchObject({ nominal: 1n, value: { numerator: 56_363n, denominator: 5_000n }, name: 'Yuan Renminbi' });
  });

  it('decodes windows-1251 as its declaration says', () => {
    const april = parseCbrDaily(decodeCbrDocument(APRIL));
    expect(april.date).toBe('2025-04-04');
    expect(april.valutes.find((valute) => valute.charCode === 'CNY')?.name).toBe('Юань');
    expect(april.valutes.find((valute) => valute.charCode === 'KGS')?.name).toBe('Сомов');
  });

  it('gives yuan rates crossed through the rouble, exactly', () => {
    const rates = cbrPublishedRates(december);
    expect(rates).toMatchObject({ asOf: '2025-12-13', source: CBR_SOURCE });
    expect(yuanOf(rates, 'CNY')).toBe('1/1');
    // 1 RUB = 1 / 11.2726 CNY = 10000/112726 = 5000/56363.
    expect(yuanOf(rates, 'RUB')).toBe('5000/56363');
    // 1 KGS = (91.1716 / 100) / 11.2726 = 911716/11272600 = 227929/2818150 CNY (≈ 0.0808789).
    expect(yuanOf(rates, 'KGS')).toBe('227929/2818150');
    // 1 KZT = (15.3320 / 100) / 11.2726 = 153320/11272600 = 3833/281815 CNY.
    expect(yuanOf(rates, 'KZT')).toBe('3833/281815');
    // 1 UZS = (66.1796 / 10000) / 11.2726 = 661796/1127260000 = 165449/281815000 CNY (≈ 0.000587084).
    expect(yuanOf(rates, 'UZS')).toBe('165449/281815000');
    expect(decimalText(parseRatioText(yuanOf(rates, 'UZS')!))).toBe('0.000587084');
    // 1 TRY = (18.7279 / 10) / 11.2726 = 187279/1127260 CNY.
    expect(yuanOf(rates, 'TRY')).toBe('187279/1127260');
    // 1 USD = 79.7296 / 11.2726 = 797296/112726 = 398648/56363 CNY (≈ 7.07287).
    expect(yuanOf(rates, 'USD')).toBe('398648/56363');
  });

  it('covers 14 of the store’s 16 currencies in December 2025 (MNT included), 13 in April 2025; never AFN or PKR', () => {
    const december = cbrPublishedRates(parseCbrDaily(decodeCbrDocument(DECEMBER))).rates.map((rate) => rate.currency);
    expect(CURRENCIES.filter((currency) => !december.includes(currency))).toEqual(['PKR', 'AFN']);
    const april = cbrPublishedRates(parseCbrDaily(decodeCbrDocument(APRIL))).rates.map((rate) => rate.currency);
    expect(CURRENCIES.filter((currency) => !april.includes(currency))).toEqual(['PKR', 'MNT', 'AFN']);
  });

  it('is refused when it is not a daily rates document, lacks the yuan, or contradicts itself', () => {
    const text = DECEMBER.toString('latin1');
    expect(() => parseCbrDaily('<html>Service unavailable</html>')).toThrow(/ValCurs Date/);
    expect(() => cbrPublishedRates(parseCbrDaily(text.replace(/<Valute ID="R01375">[\s\S]*?<\/Valute>/, '')))).toThrow(/no CNY/);
    expect(() => parseCbrDaily(text.replace('<Value>15,3320</Value>', '<Value>15,4320</Value>'))).toThrow(/KZT: VunitRate 0,15332 disagrees/);
    expect(() => parseCbrDaily(text.replace('<Nominal>100</Nominal>\n<Name>Tenge', '<Nominal>0</Nominal>\n<Name>Tenge'))).toThrow(/KZT: Nominal/);
    expect(() => parseCbrDaily(text.replace('<Value>79,7296</Value>', '<Value>n/a</Value>'))).toThrow(/USD: Value "n\/a" is not a decimal/);
  });
});

describe('CbrDailyRateSource (recorded answers, no network)', () => {
  const answering = (response: () => Response | Promise<Response>) => (async () => response()) as unknown as typeof fetch;

  it('reads the feed’s bytes as the Bank of Russia sends them', async () => {
    let asked = '';
    const source = new CbrDailyRateSource({
      fetch: (async (url: string) => {
        asked = url;
        return new Response(APRIL, { headers: { 'content-type': 'application/xml; charset=windows-1251' } });
      }) as unknown as typeof fetch,
    });
    const rates = await source.read();
    expect(asked).toBe('https://www.cbr.ru/scripts/XML_daily.asp');
    expect(rates.asOf).toBe('2025-04-04');
    // <KGS> Nominal 100, Value 97,3145; <CNY> 11,4818: 1 KGS = 0.973145 / 11.4818 = 973145/11481800 = 194629/2296360 CNY.
    expect(yuanOf(rates, 'KGS')).toBe('194629/2296360');
  });

  it('says clearly when the feed cannot be reached, refuses to answer, or answers something else', async () => {
    const unreachable = new CbrDailyRateSource({
      fetch: answering(() => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
      }),
    });
    await expect(unreachable.read()).rejects.toThrow(new RateSourceError(CBR_SOURCE, 'https://www.cbr.ru/scripts/XML_daily.asp is not reachable (ENOTFOUND)'));
    await expect(new CbrDailyRateSource({ fetch: answering(() => new Response('busy', { status: 503 })) }).read()).rejects.toThrow(/answered 503/);
    await expect(new CbrDailyRateSource({ fetch: answering(() => new Response('<html>captcha</html>')) }).read()).rejects.toThrow(/not its daily rates/);
  });
});

describe('FileRateSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rates-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const now = new Date('2026-11-30T09:30:00Z');

  it('gives the repository’s default file as published on the day it is loaded, saying so, for every currency', async () => {
    const rates = await FileRateSource.bundledDefault().read(now);
    const source = `file:${DEFAULT_RATES_FILE} (figures of 2025-11-28, loaded 2026-11-30)`;
    expect(rates).toMatchObject({ asOf: '2026-11-30', source });
    expect(rates.rates.map((rate) => rate.currency).sort()).toEqual([...CURRENCIES].sort());
    expect(rates.rates.every((rate) => rate.source === source && rate.asOf === '2026-11-30')).toBe(true);
    // "0.0812" yuan per som, exactly 203/2500; "0.000592" per sum = 37/62500.
    expect(yuanOf(rates, 'KGS')).toBe('203/2500');
    expect(yuanOf(rates, 'UZS')).toBe('37/62500');
    // The same file read from disk, as `npm start` and `npm run rates` read it, gives the same.
    expect(await FileRateSource.fromPath(DEFAULT_RATES_FILE).read(now)).toEqual(rates);
  });

  it('reads an operator’s override file that quotes some currencies, to stand beside a feed', async () => {
    const path = write('override.json', { asOf: '2026-11-29', yuanPerUnit: { AFN: '0.1031', PKR: '0.02561' } });
    const rates = await FileRateSource.fromPath(path, 'override.json').read(now);
    expect(rates.source).toBe('file:override.json (figures of 2026-11-29, loaded 2026-11-30)');
    expect(rates.rates.map((rate) => [rate.currency, rate.yuanPerUnit])).toEqual([
      ['AFN', '1031/10000'],
      ['PKR', '2561/100000'],
    ]);
    // Alone it cannot make a snapshot: the store needs every currency.
    expect(() => snapshotOf(rates, null, now.toISOString())).toThrow(/No rate for CNY|No rate for KZT/);
  });

  it('names every mistake in a file, and a file that cannot be read', async () => {
    const wrong = write('wrong.json', { asOf: '30.11.2026', yuanPerUnit: { KGS: '0,0812', XYZ: '1', USD: '0' } });
    const refused = FileRateSource.fromPath(wrong, 'wrong.json').read(now);
    await expect(refused).rejects.toThrow(RateSourceError);
    await expect(refused).rejects.toThrow(/asOf: the date of the figures.*yuanPerUnit.KGS: yuan per one unit as a decimal string/);
    await expect(refused).rejects.toThrow(/yuanPerUnit.XYZ: not a currency the store uses/);
    await expect(refused).rejects.toThrow(/yuanPerUnit.USD: a rate above zero/);
    await expect(FileRateSource.fromPath(write('yuan.json', { asOf: '2026-11-29', yuanPerUnit: { CNY: '1.01' } })).read(now)).rejects.toThrow(/a yuan is 1 yuan/);
    await expect(FileRateSource.fromPath(write('broken.json', '{"asOf":')).read(now)).rejects.toThrow(/cannot be read/);
    await expect(FileRateSource.fromPath(join(dir, 'missing.json'), 'missing.json').read(now)).rejects.toThrow(/file:missing.json: cannot be read/);
  });
});
