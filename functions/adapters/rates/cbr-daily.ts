import { CURRENCIES, type CurrencyCode } from '../../domain/money.js';
import { divideRatios, ratio, ratioOfDecimal, ratioText, type CnyRate, type PublishedRates, type Ratio } from '../../domain/exchange-rates.js';
import { RateSourceError, type RateSource } from '../../ports/rate-source.js';

/**
 * The Bank of Russia's official daily rates (no key): https://www.cbr.ru/scripts/XML_daily.asp
 *
 *   <?xml version="1.0" encoding="windows-1251"?>
 *   <ValCurs Date="13.12.2025" name="Foreign Currency Market">
 *     <Valute ID="R01370"><NumCode>417</NumCode><CharCode>KGS</CharCode><Nominal>100</Nominal>
 *       <Name>Сомов</Name><Value>91,1716</Value><VunitRate>0,911716</VunitRate></Valute> ...
 *
 * Value is roubles per Nominal units, with a decimal comma; VunitRate is roubles per one unit.
 * Date is the day the rates take effect: rates set on a working day apply from the next calendar
 * day until the next set (Friday's set is dated Saturday and holds until Tuesday's).
 *
 * It quotes 14 of the store's 16 currencies (against RUB, itself the 15th): CNY, KZT, KGS, UZS, TJS,
 * BYN, INR, EGP, MNT (since 2025), TRY, USD, EUR, HKD. It has no AFN and no PKR: the refresh takes
 * those from the rates file, labelled so. Coverage is read from each document, never assumed.
 * Yuan rates are crossed through the rouble exactly: yuan per X = (RUB per X) / (RUB per CNY).
 */
export const CBR_DAILY_URL = 'https://www.cbr.ru/scripts/XML_daily.asp';
export const CBR_SOURCE = 'Bank of Russia (cbr.ru XML_daily)';

export interface CbrValute {
  readonly charCode: string;
  readonly name: string;
  readonly nominal: bigint;
  /** Roubles per `nominal` units, exact. */
  readonly value: Ratio;
}

export interface CbrDaily {
  /** The ValCurs Date as YYYY-MM-DD. */
  readonly date: string;
  readonly valutes: readonly CbrValute[];
}

/** The document's text from its bytes, in the encoding its XML declaration names (windows-1251 when it names none). */
export function decodeCbrDocument(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const encoding = /^\s*<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ?? 'windows-1251';
  return new TextDecoder(encoding, { fatal: true }).decode(bytes);
}

/** Reads a ValCurs document. Throws a RangeError naming what is wrong with it. */
export function parseCbrDaily(xml: string): CbrDaily {
  const date = /<ValCurs\b[^>]*\bDate="(\d{2})\.(\d{2})\.(\d{4})"/.exec(xml);
  if (!date) throw new RangeError('no <ValCurs Date="dd.mm.yyyy">: not a daily rates document');
  const valutes: CbrValute[] = [];
  const seen = new Set<string>();
  for (const [, body] of xml.matchAll(/<Valute\b[^>]*>([\s\S]*?)<\/Valute>/g)) {
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body!)?.[1]?.trim();
    const charCode = field('CharCode');
    if (!charCode || !/^[A-Z]{3}$/.test(charCode)) throw new RangeError(`a <Valute> without a CharCode: ${body!.slice(0, 80)}`);
    if (seen.has(charCode)) throw new RangeError(`${charCode} is quoted twice`);
    seen.add(charCode);
    const nominalText = field('Nominal') ?? '';
    if (!/^[1-9]\d{0,8}$/.test(nominalText)) throw new RangeError(`${charCode}: Nominal ${JSON.stringify(nominalText)} is not a positive whole number`);
    const nominal = BigInt(nominalText);
    const value = commaDecimal(charCode, 'Value', field('Value'));
    const unitRate = field('VunitRate');
    // VunitRate (roubles per unit) must agree with Value / Nominal to its last printed digit.
    if (unitRate !== undefined) checkUnitRate(charCode, divideRatios(value, ratio(nominal, 1n)), commaDecimal(charCode, 'VunitRate', unitRate), unitRate);
    valutes.push({ charCode, name: field('Name') ?? '', nominal, value });
  }
  if (valutes.length === 0) throw new RangeError('the document quotes no currency');
  return { date: `${date[3]}-${date[2]}-${date[1]}`, valutes };
}

/**
 * The store's currencies a document covers, against the yuan. RUB is the base (yuan per rouble =
 * 1 / RUB per yuan), CNY is 1; a document without CNY cannot be crossed and is refused.
 */
export function cbrPublishedRates(daily: CbrDaily): PublishedRates {
  const rubPerUnit = new Map(daily.valutes.map((valute) => [valute.charCode, divideRatios(valute.value, ratio(valute.nominal, 1n))]));
  const rubPerYuan = rubPerUnit.get('CNY');
  if (!rubPerYuan) throw new RangeError('the document has no CNY rate to cross the others with');
  rubPerUnit.set('RUB', ratio(1n, 1n));
  const rates = CURRENCIES.flatMap((currency: CurrencyCode): CnyRate[] => {
    const rub = currency === 'CNY' ? rubPerYuan : rubPerUnit.get(currency);
    if (!rub) return [];
    return [{ currency, yuanPerUnit: ratioText(divideRatios(rub, rubPerYuan)), asOf: daily.date, source: CBR_SOURCE }];
  });
  return { asOf: daily.date, source: CBR_SOURCE, rates };
}

export interface CbrDailyOptions {
  readonly url?: string;
  /** For tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** The feed as a RateSource: one GET, no key. Any failure (network, status, document) is a RateSourceError. */
export class CbrDailyRateSource implements RateSource {
  readonly name = CBR_SOURCE;
  private readonly url: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: CbrDailyOptions = {}) {
    this.url = options.url ?? CBR_DAILY_URL;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async read(): Promise<PublishedRates> {
    let response: Response;
    try {
      response = await this.fetch(this.url, {
        headers: { accept: 'application/xml, text/xml', 'user-agent': 'sco-bazaar-rates/1.0' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new RateSourceError(this.name, `${this.url} is not reachable (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    }
    if (!response.ok) throw new RateSourceError(this.name, `${this.url} answered ${response.status}`);
    try {
      return cbrPublishedRates(parseCbrDaily(decodeCbrDocument(new Uint8Array(await response.arrayBuffer()))));
    } catch (error) {
      throw new RateSourceError(this.name, `${this.url} answered a document that is not its daily rates: ${(error as Error).message}`);
    }
  }
}

/** "91,1716" → 911716/10000 (the feed writes a decimal comma). */
function commaDecimal(charCode: string, field: string, text: string | undefined): Ratio {
  const decimal = (text ?? '').replace(',', '.');
  let value: Ratio;
  try {
    value = ratioOfDecimal(decimal);
  } catch {
    throw new RangeError(`${charCode}: ${field} ${JSON.stringify(text)} is not a decimal`);
  }
  if (value.numerator === 0n) throw new RangeError(`${charCode}: ${field} is zero`);
  return value;
}

function checkUnitRate(charCode: string, computed: Ratio, printed: Ratio, text: string): void {
  const places = BigInt(text.split(/[,.]/)[1]?.length ?? 0);
  // |computed - printed| <= half a unit of the last printed place, compared exactly.
  const difference = computed.numerator * printed.denominator - printed.numerator * computed.denominator;
  const absolute = difference < 0n ? -difference : difference;
  if (absolute * 2n * 10n ** places > computed.denominator * printed.denominator) {
    throw new RangeError(`${charCode}: VunitRate ${text} disagrees with Value / Nominal`);
  }
}
