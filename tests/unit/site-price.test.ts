import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileRatesSnapshot } from '../fixtures/rates.js';
import { rateBook, rateFreshness, type RateSnapshot } from '../../functions/domain/exchange-rates.js';
import { LANGUAGES } from '../../functions/domain/languages.js';
import { CURRENCIES, convertExact, formatMoney, minorUnitExponent, money, type CurrencyCode } from '../../functions/domain/money.js';
import { CheckoutRequestSchema } from '../../functions/http/schemas/checkout.js';
import { ratesView } from '../../functions/usecases/exchange-rates.js';
import { checkoutBlocker, checkoutFailureOf } from '../../site/src/features/cart/notes.js';
import { convertedLineTotal, convertedUnitPrice } from '../../site/src/features/cart/rates.js';
import { CHARGE_CURRENCIES, currencyGroups, DEFAULT_CURRENCY } from '../../site/src/features/price/currencies.js';
import { CURRENCY_EVENT, CURRENCY_STORAGE_KEY, onCurrencyChange, preferredCurrency, rememberCurrency } from '../../site/src/features/price/preference.js';
import { convertedPrice, priceFigures, priceTexts } from '../../site/src/features/price/price.js';
import { isRatesAnswer, rateBookOf } from '../../site/src/features/price/rates.js';
import { UI } from '../../site/src/i18n/ui.js';

const LOADED = new Date('2026-01-15T08:00:00Z');
/** GET /api/rates as the server answers it, at the repository's rates file (KGS 0.0812, RUB 0.0888, PKR 0.02527...). */
function answerOf(snapshot: RateSnapshot = fileRatesSnapshot(LOADED)) {
  return JSON.parse(JSON.stringify(ratesView(snapshot, rateFreshness(snapshot, LOADED)))) as unknown;
}
/** Intl separates a code from its figure (and groups in Russian) with no-break spaces. */
const plain = (texts: { main: string; own: string }) => ({ main: texts.main.replace(/\s/g, ' '), own: texts.own.replace(/\s/g, ' ') });
const book = () => {
  const answer = answerOf();
  if (!isRatesAnswer(answer)) throw new Error('not a rates answer');
  return rateBookOf(answer);
};

describe('the currencies a shopper can pick', () => {
  it('are every currency checkout accepts, yuan by default', () => {
    const accepted = CheckoutRequestSchema.shape.currency.unwrap().options;
    expect([...CHARGE_CURRENCIES].sort()).toEqual([...accepted].sort());
    expect(CHARGE_CURRENCIES).toEqual(CURRENCIES);
    expect(DEFAULT_CURRENCY).toBe('CNY');
  });

  it('are the sixteen Stripe charges in for this store (../shared/CROSS-BORDER.md), each in hundredths as Stripe and ISO 4217 count them', () => {
    expect([...CHARGE_CURRENCIES].sort()).toEqual(['AFN', 'BYN', 'CNY', 'EGP', 'EUR', 'HKD', 'INR', 'KGS', 'KZT', 'MNT', 'PKR', 'RUB', 'TJS', 'TRY', 'USD', 'UZS']);
    for (const currency of CHARGE_CURRENCIES) {
      expect(minorUnitExponent(currency), currency).toBe(2);
      // Shown with its two decimals in every language, AFN and PKR included (Intl's data would show none).
      for (const locale of ['zh-CN', 'ru-RU', 'en-GB']) expect(formatMoney(money(12_345, currency), locale), `${currency} ${locale}`).toMatch(/[.,]45(?!\d)/);
    }
    // Stripe's zero-decimal currencies are not charge currencies here: none is in the region.
    for (const zeroDecimal of ['JPY', 'KRW', 'VND']) {
      expect(CHARGE_CURRENCIES).not.toContain(zeroDecimal);
      expect(minorUnitExponent(zeroDecimal)).toBe(0);
    }
  });

  it('come yuan first, then the language’s natural ones, then the rest by code, each once', () => {
    for (const lang of LANGUAGES) {
      const { common, more } = currencyGroups(lang);
      expect(common[0]).toBe('CNY');
      expect([...common, ...more].sort()).toEqual([...CURRENCIES].sort());
      expect(new Set([...common, ...more]).size).toBe(CURRENCIES.length);
      expect(more).toEqual([...more].sort());
    }
    expect(currencyGroups('ru').common.slice(0, 2)).toEqual(['CNY', 'RUB']);
    expect(currencyGroups('zh').common).toEqual(['CNY', 'HKD', 'USD', 'EUR']);
    expect(currencyGroups('en').common.slice(0, 3)).toEqual(['CNY', 'USD', 'EUR']);
  });
});

describe('prices converted from the rates GET /api/rates answers', () => {
  it('convert every pair exactly as the server’s rate book does (the cart’s unit prices)', () => {
    const site = book();
    const server = rateBook(fileRatesSnapshot(LOADED));
    expect(site).not.toBeNull();
    const prices = [money(120_000, 'KGS'), money(8_500_000, 'UZS'), money(99, 'PKR'), money(1, 'EUR'), money(123_457, 'RUB')];
    for (const price of prices) {
      for (const to of CURRENCIES) {
        const expected = price.currency === to ? price.amount : Number(convertExact(price, to, server.rateFor(price.currency, to)));
        expect(convertedPrice(price, to, site)?.amount, `${price.currency}->${to}`).toBe(expected);
        if (price.currency !== to) expect(site!.rateFor(price.currency, to)).toMatchObject({ numerator: server.rateFor(price.currency, to).numerator, denominator: server.rateFor(price.currency, to).denominator });
      }
    }
  });

  it('show the yuan first and the pavilion’s own price beside it: KGS 1,200.00 is ¥97.44 at 0.0812', () => {
    const figures = priceFigures(money(120_000, 'KGS'), 'CNY', book());
    expect(figures).toEqual({ main: money(9744, 'CNY'), own: money(120_000, 'KGS') });
    expect(plain(priceTexts(figures, 'zh-CN'))).toEqual({ main: '¥97.44', own: 'KGS 1,200.00' });
    // 1,200 KGS = 97.44 CNY = 1,097.30 RUB at 0.0888 yuan per rouble (97.44 / 0.0888 = 1097.297…, half-up).
    const roubles = priceFigures(money(120_000, 'KGS'), 'RUB', book());
    expect(roubles.main).toEqual(money(109_730, 'RUB'));
    expect(plain(priceTexts(roubles, 'ru-RU'))).toEqual({ main: '1 097,30 ₽', own: '1 200,00 KGS' });
  });

  it('show one price when it is already in the shopper’s currency, or when there is no rate for it', () => {
    expect(priceFigures(money(8800, 'CNY'), 'CNY', book())).toEqual({ main: money(8800, 'CNY'), own: null });
    expect(priceFigures(money(120_000, 'KGS'), 'KGS', book())).toEqual({ main: money(120_000, 'KGS'), own: null });
    expect(priceFigures(money(120_000, 'KGS'), 'CNY', null)).toEqual({ main: money(120_000, 'KGS'), own: null });
    expect(priceTexts({ main: money(8800, 'CNY'), own: null }, 'en-GB')).toEqual({ main: 'CN¥88.00', own: '' });
    const noKgs = answerOf();
    (noKgs as { rates: { currency: string }[] }).rates = (noKgs as { rates: { currency: string }[] }).rates.filter((rate) => rate.currency !== 'KGS');
    expect(priceFigures(money(120_000, 'KGS'), 'CNY', rateBookOf(noKgs as never))).toEqual({ main: money(120_000, 'KGS'), own: null });
  });

  it('keep the domain’s minor units where Intl would drop them (PKR has two decimals, not zero)', () => {
    expect(plain(priceTexts({ main: money(150, 'PKR'), own: null }, 'en-GB')).main).toBe('PKR 1.50');
    expect(plain(priceTexts({ main: money(150, 'PKR'), own: null }, 'zh-CN')).main).toBe('PKR 1.50');
  });

  it('take no answer that is not the rates (an error page, a broken fraction)', () => {
    expect(isRatesAnswer(answerOf())).toBe(true);
    expect(isRatesAnswer(null)).toBe(false);
    expect(isRatesAnswer({ type: 'about:blank', status: 503 })).toBe(false);
    const broken = answerOf() as { rates: { numerator: number }[] };
    broken.rates[1]!.numerator = 0;
    expect(isRatesAnswer(broken)).toBe(false);
    expect(rateBookOf(null)).toBeNull();
    const two = { asOf: 'x', source: 'y', loadedAt: 'z', rates: [{ currency: 'CNY', numerator: 1, denominator: 1, asOf: 'x' }, { currency: 'KGS', numerator: 203, denominator: 2500, asOf: 'x' }] };
    expect(rateBookOf(two)?.rateFor('CNY', 'KGS')).toMatchObject({ numerator: 2500, denominator: 203 });
  });
});

describe('the cart’s lines in the checkout currency', () => {
  const rates = [rateBook(fileRatesSnapshot(LOADED)).rateFor('KGS', 'RUB')];
  it('convert the unit price once, then multiply, as checkout does', () => {
    const line = { unitPrice: money(120_000, 'KGS'), quantity: 3 };
    expect(convertedUnitPrice(line, money(0, 'RUB'), rates)).toEqual(money(109_730, 'RUB'));
    expect(convertedLineTotal(line, money(0, 'RUB'), rates)).toEqual(money(329_190, 'RUB'));
    expect(convertedUnitPrice(line, money(0, 'KGS'), rates)).toBeNull();
    expect(convertedUnitPrice(line, money(0, 'USD'), rates)).toBeNull();
  });
});

describe('stale exchange rates in the cart', () => {
  const lines = [{ status: 'ok' as const }] as never;
  it('have their own message before checkout and when checkout answers 503, in every language', () => {
    expect(checkoutBlocker({ lines, checkoutTotal: { payable: false, reason: 'rates_stale' } })).toEqual({ key: 'cart.ratesStale', tone: 'warn' });
    expect(checkoutBlocker({ lines, checkoutTotal: { payable: false, reason: 'amount_too_large' } })?.key).toBe('cart.tooLarge');
    expect(checkoutFailureOf(503, { title: 'Exchange rates are out of date', status: 503, reason: 'rates_stale' })).toEqual({
      kind: 'summary',
      note: { key: 'cart.ratesStaleRefused', tone: 'warn' },
    });
    expect(checkoutFailureOf(503, null).note.key).toBe('cart.failed');
    for (const lang of LANGUAGES) {
      expect(UI[lang]['cart.ratesStale']).not.toBe(UI[lang]['cart.tooLarge']);
      expect(UI[lang]['cart.ratesStaleRefused']).toBeTruthy();
    }
  });
});

describe('the remembered currency', () => {
  afterEach(() => vi.unstubAllGlobals());

  function browser(storage: Map<string, string> | 'blocked') {
    const events = new EventTarget();
    const windowEvents = new EventTarget();
    vi.stubGlobal('document', events);
    vi.stubGlobal('addEventListener', windowEvents.addEventListener.bind(windowEvents));
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => {
        if (storage === 'blocked') throw new Error('SecurityError');
        return storage.get(key) ?? null;
      },
      setItem: (key: string, value: string) => {
        if (storage === 'blocked') throw new Error('SecurityError');
        storage.set(key, value);
      },
    });
    return { events, windowEvents };
  }

  it('is the yuan until the shopper picks another, kept under the key the cart page has always used, and announced', () => {
    const storage = new Map<string, string>();
    browser(storage);
    expect(preferredCurrency()).toBe('CNY');
    const heard: CurrencyCode[] = [];
    onCurrencyChange((currency) => heard.push(currency));
    rememberCurrency('RUB');
    expect(storage.get(CURRENCY_STORAGE_KEY)).toBe('RUB');
    expect(CURRENCY_STORAGE_KEY).toBe('sco-currency');
    expect(preferredCurrency()).toBe('RUB');
    rememberCurrency('IRR');
    rememberCurrency('<script>');
    expect(preferredCurrency()).toBe('RUB');
    expect(heard).toEqual(['RUB']);
    expect(CURRENCY_EVENT).toBe('sco:currency');
  });

  it('follows a choice made in another tab, ignores a stored value that is not a charge currency, and survives blocked storage', () => {
    const storage = new Map([[CURRENCY_STORAGE_KEY, 'XXX']]);
    const { windowEvents } = browser(storage);
    expect(preferredCurrency()).toBe('CNY');
    const heard: CurrencyCode[] = [];
    onCurrencyChange((currency) => heard.push(currency));
    storage.set(CURRENCY_STORAGE_KEY, 'KZT');
    windowEvents.dispatchEvent(Object.assign(new Event('storage'), { key: CURRENCY_STORAGE_KEY }));
    expect(heard).toEqual(['KZT']);

    browser('blocked');
    rememberCurrency('USD');
    expect(preferredCurrency()).toBe('USD');
  });
});
