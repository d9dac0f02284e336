import { describe, expect, it } from 'vitest';
import {
  decimalText,
  feedDateProblem,
  IncompleteRatesError,
  parseRatioText,
  rateBook,
  rateFreshness,
  ratioOfDecimal,
  snapshotOf,
  type CnyRate,
  type PublishedRates,
} from '../../functions/domain/exchange-rates.js';
import { convertMoney, CURRENCIES, type CurrencyCode } from '../../functions/domain/money.js';
import { convertsCurrency, payabilityAt } from '../../functions/domain/payable.js';

/** A feed that quotes the given currencies (yuan per unit as fractions), dated 2025-12-13. */
function feed(yuanPerUnit: Partial<Record<CurrencyCode, string>>, source = 'Feed'): PublishedRates {
  const rates: CnyRate[] = Object.entries(yuanPerUnit).map(([currency, fraction]) => ({ currency: currency as CurrencyCode, yuanPerUnit: fraction!, asOf: '2025-12-13', source }));
  return { asOf: '2025-12-13', source, rates };
}

/** Every currency at 1 yuan, so a test overrides only those it looks at. */
const everyCurrencyAtOne = Object.fromEntries(CURRENCIES.map((currency) => [currency, '1/1'])) as Record<CurrencyCode, string>;

describe('exact fractions', () => {
  it('reads decimals exactly and reduces them', () => {
    expect(ratioOfDecimal('0.0812')).toEqual({ numerator: 203n, denominator: 2500n });
    expect(ratioOfDecimal('7.1')).toEqual({ numerator: 71n, denominator: 10n });
    expect(ratioOfDecimal('1')).toEqual({ numerator: 1n, denominator: 1n });
    for (const wrong of ['', '1,5', '-1', '1e3', '.5', '1.', ' 1']) expect(() => ratioOfDecimal(wrong), wrong).toThrow(RangeError);
  });

  it('shows a fraction as a decimal to 6 significant digits, half-up, for display only', () => {
    expect(decimalText(ratioOfDecimal('0.0812'))).toBe('0.0812');
    expect(decimalText(ratioOfDecimal('0.000592'))).toBe('0.000592');
    // 911716 / 11272600 = 0.08087888...: six significant digits, the seventh (8) rounds up.
    expect(decimalText(parseRatioText('227929/2818150'))).toBe('0.0808789');
    expect(decimalText(parseRatioText('2/3'))).toBe('0.666667');
    expect(decimalText(parseRatioText('1/1'))).toBe('1');
  });
});

describe('cross rates through the yuan', () => {
  // As the Bank of Russia's rates of 2025-12-13 give them (tests/fixtures/rates): 100 KGS = 91.1716 RUB,
  // 1 CNY = 11.2726 RUB, 10,000 UZS = 66.1796 RUB. Yuan per som = 0.911716 / 11.2726 = 227929/2818150;
  // yuan per sum = 0.00661796 / 11.2726 = 165449/281815000.
  const snapshot = snapshotOf(feed({ ...everyCurrencyAtOne, KGS: '227929/2818150', UZS: '165449/281815000' }), null, '2025-12-13T14:00:00.000Z');
  const book = rateBook(snapshot);

  it('are exact, reduced fractions of minor units', () => {
    expect(book.rateFor('KGS', 'CNY')).toMatchObject({ from: 'KGS', to: 'CNY', numerator: 227929, denominator: 2818150, asOf: '2025-12-13', source: 'Feed' });
    // KGS→UZS = (227929/2818150) / (165449/281815000) = 227929 × 100 / 165449 = 22792900/165449 (no common factor).
    expect(book.rateFor('KGS', 'UZS')).toMatchObject({ numerator: 22_792_900, denominator: 165_449 });
    expect(book.rateFor('UZS', 'KGS')).toMatchObject({ numerator: 165_449, denominator: 22_792_900 });
    expect(book.rateFor('CNY', 'CNY')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('convert with one half-up rounding, never through a float', () => {
    // KGS 1,200.00 = 120000 tyiyn × 227929/2818150 = 9705.47... fen → CNY 97.05.
    expect(convertMoney({ amount: 120_000, currency: 'KGS' }, 'CNY', book.rateFor('KGS', 'CNY'))).toEqual({ amount: 9_705, currency: 'CNY' });
    // KGS 1,200.00 in UZS: 120000 × 22792900 / 165449 = 16531668.37 tiyin → UZS 165,316.68 (about 97 yuan at 1,703 sum each).
    expect(convertMoney({ amount: 120_000, currency: 'KGS' }, 'UZS', book.rateFor('KGS', 'UZS'))).toEqual({ amount: 16_531_668, currency: 'UZS' });
  });

  it('carry the older publisher’s date and both sources when two sources meet', () => {
    const { AFN, PKR, ...quoted } = everyCurrencyAtOne;
    const mixed = snapshotOf(
      feed(quoted, 'Bank'),
      { asOf: '2025-12-12', source: 'file:rates.json', rates: [{ currency: 'AFN', yuanPerUnit: '269/2500', asOf: '2025-12-12', source: 'file:rates.json' }, { currency: 'PKR', yuanPerUnit: '2527/100000', asOf: '2025-12-12', source: 'file:rates.json' }] },
      '2025-12-13T14:00:00.000Z',
    );
    expect(rateBook(mixed).rateFor('AFN', 'KGS')).toMatchObject({ asOf: '2025-12-12', source: 'AFN: file:rates.json; KGS: Bank' });
    expect(rateBook(mixed).rateFor('AFN', 'CNY')).toMatchObject({ numerator: 269, denominator: 2500, source: 'file:rates.json' });
  });
});

describe('a snapshot', () => {
  it('takes what the feed quotes, fills the rest from the file labelled as the file, and is always 1 for the yuan', () => {
    const { AFN, PKR, ...fromFeed } = everyCurrencyAtOne;
    const file = { asOf: '2026-11-30', source: 'file:x.json', rates: [
      { currency: 'AFN' as const, yuanPerUnit: '269/2500', asOf: '2026-11-30', source: 'file:x.json' },
      { currency: 'PKR' as const, yuanPerUnit: '2527/100000', asOf: '2026-11-30', source: 'file:x.json' },
      // The feed's KGS wins over the file's.
      { currency: 'KGS' as const, yuanPerUnit: '203/2500', asOf: '2026-11-30', source: 'file:x.json' },
    ] };
    const snapshot = snapshotOf(feed(fromFeed, 'Bank'), file, '2026-11-30T10:00:00.000Z');
    expect(snapshot.rates.map((rate) => rate.currency)).toEqual([...CURRENCIES]);
    expect(snapshot.rates.filter((rate) => rate.source === 'file:x.json').map((rate) => rate.currency)).toEqual(['PKR', 'AFN']);
    expect(snapshot.rates.find((rate) => rate.currency === 'KGS')).toMatchObject({ yuanPerUnit: '1/1', source: 'Bank' });
    expect(snapshot).toMatchObject({ asOf: '2025-12-13', source: 'Bank', loadedAt: '2026-11-30T10:00:00.000Z' });
  });

  it('is refused when a currency is quoted by nobody', () => {
    const { MNT, AFN, ...partial } = everyCurrencyAtOne;
    expect(() => snapshotOf(feed(partial), null, '2026-11-30T10:00:00.000Z')).toThrow(new IncompleteRatesError('No rate for MNT, AFN in Feed'));
  });

  it('is refused when a rate between two currencies would not fit exact integers', () => {
    // 1/999999999999 yuan against 999999999999 yuan: a pair of terms near 10^24.
    expect(() => snapshotOf(feed({ ...everyCurrencyAtOne, UZS: '1/999999999999', USD: '999999999999/1' }), null, '2026-11-30T10:00:00.000Z')).toThrow(/beyond exact integers/);
  });
});

describe('freshness: checkout charges only at rates loaded less than 48 hours ago', () => {
  const loadedAt = '2026-11-28T14:00:00.000Z';
  const at = (iso: string) => new Date(iso);

  it('is fresh up to the last millisecond before 48 hours, and stale from 48 hours on', () => {
    expect(rateFreshness({ loadedAt }, at('2026-11-30T13:59:59.999Z'))).toEqual({ fresh: true, loadedAt, freshUntil: '2026-11-30T14:00:00.000Z', maxAgeHours: 48 });
    expect(rateFreshness({ loadedAt }, at('2026-11-30T14:00:00.000Z'))).toEqual({ fresh: false, reason: 'rates_stale', loadedAt, maxAgeHours: 48 });
  });

  it('takes another freshness from configuration, and calls no rates at all stale', () => {
    expect(rateFreshness({ loadedAt }, at('2026-11-29T14:00:00.000Z'), 12)).toMatchObject({ fresh: false, maxAgeHours: 12 });
    expect(rateFreshness(null, at('2026-11-29T14:00:00.000Z'))).toEqual({ fresh: false, reason: 'rates_stale', loadedAt: null, maxAgeHours: 48 });
  });

  it('refuses a feed dated more than 15 days back (stopped publishing) or 3 days ahead, and takes tomorrow’s date', () => {
    const now = at('2026-11-30T14:00:00Z');
    expect(feedDateProblem('2026-12-01', now)).toBeNull();
    expect(feedDateProblem('2026-11-15', now)).toBeNull();
    expect(feedDateProblem('2026-11-14', now)).toMatch(/stopped publishing/);
    expect(feedDateProblem('2026-12-04', now)).toMatch(/ahead/);
    expect(feedDateProblem('30.11.2026', now)).toMatch(/not a date/);
  });
});

describe('payable at these rates', () => {
  const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
  const quote = (lineCurrency: CurrencyCode, charge: CurrencyCode) => ({
    cny: { goods: cny(10_000), freight: cny(0), tax: cny(0), dutiableValue: cny(10_000) },
    total: { amount: 10_000, currency: charge },
    lines: [{ productId: 'kg-honey', unitPrice: { amount: 100, currency: lineCurrency }, chargedUnitPrice: { amount: 100, currency: charge } }] as never,
  });
  const stale = rateFreshness({ loadedAt: '2026-11-01T00:00:00Z' }, new Date('2026-11-30T00:00:00Z'));
  const fresh = rateFreshness({ loadedAt: '2026-11-29T00:00:00Z' }, new Date('2026-11-30T00:00:00Z'));

  it('is not, with reason rates_stale and when they were loaded, when the cart converts at stale rates', () => {
    expect(payabilityAt(quote('KGS', 'CNY'), stale)).toEqual({ payable: false, reason: 'rates_stale', ratesLoadedAt: '2026-11-01T00:00:00Z' });
    expect(payabilityAt(quote('CNY', 'RUB'), stale)).toMatchObject({ reason: 'rates_stale' });
    expect(payabilityAt(quote('KGS', 'CNY'), fresh)).toEqual({ payable: true });
  });

  it('needs no rate for a cart priced and charged in yuan', () => {
    expect(convertsCurrency(quote('CNY', 'CNY'))).toBe(false);
    expect(payabilityAt(quote('CNY', 'CNY'), stale)).toEqual({ payable: true });
  });
});
