import { describe, expect, it } from 'vitest';
import { rateBetween } from '../fixtures/rates.js';
import { chargeIn, type PricedLine } from '../../functions/domain/pricing.js';
import { cartCookie, cartIdFromCookies, expiredCartCookie } from '../../site/src/features/cart/cart-cookie.js';
import { looksLikeEmail } from '../../site/src/features/cart/checkout-fields.js';
import { canCheckout, checkoutBlocker, checkoutFailureOf, lineNote, notEnoughNote, notImportableReason } from '../../site/src/features/cart/notes.js';
import { clampQuantity, parseQuantity } from '../../site/src/features/cart/quantity.js';
import { convertedLineTotal, majorUnitRate, rateText, ratesText } from '../../site/src/features/cart/rates.js';
import { fillText, translatorFor } from '../../site/src/features/cart/texts.js';
import { limitVars } from '../../site/src/features/cart/limits.js';
import { PER_ORDER_LIMIT_CNY, YEARLY_LIMIT_CNY } from '../../functions/domain/cross-border.js';
import { LANGUAGES } from '../../functions/domain/languages.js';
import { formatMoney } from '../../functions/domain/money.js';
import { LOCALES, t as tAt } from '../../site/src/i18n/translate.js';
import { UI } from '../../site/src/i18n/ui.js';

const CART_ID = 'q3Yc1xKp0mR8d2uVn5ZbAw';

describe('the cart_id cookie', () => {
  it('is first-party for the whole site, lax, kept 30 days, and secure over https', () => {
    expect(cartCookie(CART_ID, true)).toBe(`cart_id=${CART_ID}; Path=/; Max-Age=2592000; SameSite=Lax; Secure`);
    expect(cartCookie(CART_ID, false)).not.toContain('Secure');
    expect(expiredCartCookie(false)).toBe('cart_id=; Path=/; Max-Age=0; SameSite=Lax');
  });

  it('is read back from document.cookie, and anything that is not a cart id is ignored', () => {
    expect(cartIdFromCookies(`sco=1; cart_id=${CART_ID}; other=x`)).toBe(CART_ID);
    expect(cartIdFromCookies('cart_id=../../etc')).toBeNull();
    expect(cartIdFromCookies('')).toBeNull();
    expect(() => cartCookie('x; Path=/evil', false)).toThrow();
  });
});

describe('quantities a shopper types', () => {
  it('accepts whole numbers from 0 to 999 only', () => {
    expect(parseQuantity(' 3 ')).toBe(3);
    expect(parseQuantity('0')).toBe(0);
    expect(parseQuantity('1000')).toBeNull();
    expect(parseQuantity('2.5')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(parseQuantity('')).toBeNull();
  });

  it('keeps the product page stepper between 1 and what is in stock', () => {
    expect(clampQuantity(5, 3)).toBe(3);
    expect(clampQuantity(0, 3)).toBe(1);
    expect(clampQuantity(2, 0)).toBe(1);
    expect(clampQuantity(5000)).toBe(999);
  });
});

describe('the texts islands show', () => {
  it('fill placeholders and choose the Russian plural form by number, like t() at build time', () => {
    const items = { one: '{n} товар', few: '{n} товара', many: '{n} товаров', other: '{n} товара' };
    expect(fillText(items, { n: 1 }, 'ru-RU')).toBe('1 товар');
    expect(fillText(items, { n: 3 }, 'ru-RU')).toBe('3 товара');
    expect(fillText(items, { n: 11 }, 'ru-RU')).toBe('11 товаров');
    expect(fillText('支付 {total}', { total: '¥305.00' }, 'zh-CN')).toBe('支付 ¥305.00');
    expect(fillText(undefined, {}, 'en-GB')).toBe('');
  });

  it('quote China’s limits from the domain, formatted like every other amount of the page', () => {
    for (const lang of LANGUAGES) {
      const locale = LOCALES[lang];
      const t = translatorFor(UI[lang], locale, limitVars(locale));
      const perOrder = formatMoney(PER_ORDER_LIMIT_CNY, locale);
      const yearly = formatMoney(YEARLY_LIMIT_CNY, locale);
      const limits = t('cart.limits', { value: formatMoney({ amount: 24_994, currency: 'CNY' }, locale) });
      expect(limits).toContain(perOrder);
      expect(limits).toContain(yearly);
      expect(limits).not.toMatch(/\{\w+\}/);
      for (const key of ['cart.overLimit', 'cart.overLimitRemaining'] as const) expect(t(key, { remaining: '—' })).toContain(perOrder);
      for (const key of ['cart.overYearly', 'cart.yearlyUsedUp'] as const) expect(t(key, { remaining: '—' })).toContain(yearly);
      expect(tAt(lang, 'footer.crossBorder', limitVars(locale))).toContain(perOrder);
    }
    // Russian shows the limit as it shows every other yuan amount: digits first, then the symbol.
    expect(limitVars('ru-RU').perOrder).toBe(formatMoney({ amount: 500_000, currency: 'CNY' }, 'ru-RU'));
    expect(limitVars('ru-RU').perOrder).toMatch(/^5\u00a0000,00\u00a0/);
  });

  it('never type a limit into the dictionary by hand', () => {
    for (const lang of LANGUAGES) {
      for (const entry of Object.values(UI[lang])) {
        const forms = typeof entry === 'string' ? [entry] : Object.values(entry);
        for (const form of forms) expect(form).not.toMatch(/5[,\s\u00a0]?000|26[,\s\u00a0]?000/);
      }
    }
  });
});

describe('conversion notes', () => {
  it('states a rate per major unit of the foreign currency', () => {
    const kgs = rateBetween('KGS', 'CNY');
    expect(majorUnitRate(kgs)).toBeCloseTo(0.0812, 6);
    expect(rateText(kgs, 'en-GB')).toBe('1 KGS = CN¥0.0812');
    expect(rateText(rateBetween('UZS', 'CNY'), 'en-GB')).toBe('1 UZS = CN¥0.000592');
    expect(ratesText([kgs, rateBetween('RUB', 'CNY')], 'zh-CN')).toBe('1 KGS = ¥0.0812；1 RUB = ¥0.0888');
  });

  it('shows each line in the checkout currency exactly as checkout will charge it', () => {
    const lines = [
      { productId: 'kg-hny-001', unitPrice: { amount: 120_000, currency: 'KGS' }, quantity: 3 },
      { productId: 'ru-swt-001', unitPrice: { amount: 62_000, currency: 'RUB' }, quantity: 2 },
      { productId: 'uz-frt-001', unitPrice: { amount: 4_500_000, currency: 'UZS' }, quantity: 7 },
    ] as const;
    const charge = chargeIn(lines as unknown as PricedLine[], 'CNY', rateBetween);
    const shown = lines.map((line) => convertedLineTotal(line, charge.total, charge.rates)!);
    expect(shown.map((money) => money.amount)).toEqual(charge.lines.map((line) => line.chargedLineTotal.amount));
    expect(shown.reduce((sum, money) => sum + money.amount, 0)).toBe(charge.total.amount);
    expect(convertedLineTotal({ unitPrice: { amount: 100, currency: 'CNY' }, quantity: 2 }, charge.total, charge.rates)).toBeNull();
  });
});

describe('what the cart page says about lines and a refused checkout', () => {
  it('marks a line asking for more than the stock, and one no longer sold', () => {
    expect(lineNote({ status: 'ok', available: 10 })).toBeNull();
    expect(lineNote({ status: 'short', available: 2 })).toEqual({ key: 'cart.short', vars: { n: 2 }, tone: 'warn' });
    expect(lineNote({ status: 'short', available: 0 })).toMatchObject({ key: 'cart.soldOut' });
    expect(lineNote({ status: 'unavailable', available: 0 })).toMatchObject({ key: 'cart.unavailable', tone: 'bad' });
  });

  it('says why a line cannot be sent to China, not just that it is no longer sold', () => {
    expect(lineNote({ status: 'unavailable', available: 40, unavailableReason: 'not_importable' })).toEqual({ key: 'cart.notImportable', tone: 'bad' });
    expect(lineNote({ status: 'unavailable', available: 40, unavailableReason: 'no_hs_code' })).toEqual({ key: 'cart.noHsCode', tone: 'bad' });
    expect(lineNote({ status: 'unavailable', available: 0, unavailableReason: 'archived' })).toEqual({ key: 'cart.unavailable', tone: 'bad' });
    const refused = checkoutFailureOf(409, {
      title: 'Some lines cannot be bought as they are',
      status: 409,
      lines: [{ productId: 'kg-frt-001', requested: 1, available: 0, reason: 'unavailable', unavailableReason: 'not_importable' }],
    });
    expect(refused.kind === 'lines' && refused.lines.get('kg-frt-001')).toEqual({ key: 'cart.notImportable', tone: 'bad' });
  });

  it('tells a 422 for a product China does not let in apart from other refusals', () => {
    expect(notImportableReason({ title: 'Not importable', status: 422, reason: 'not_importable' })).toBe('not_importable');
    expect(notImportableReason({ title: 'No HS code', status: 422, reason: 'no_hs_code' })).toBe('no_hs_code');
    expect(notImportableReason({ title: 'Invalid', status: 422 })).toBeNull();
    expect(notImportableReason(null)).toBeNull();
  });

  it('says "only N left" on a 409, mentioning what the cart already holds', () => {
    expect(notEnoughNote(4)).toEqual({ key: 'buy.onlyLeft', vars: { n: 4 }, tone: 'warn' });
    expect(notEnoughNote(4, 4)).toEqual({ key: 'buy.onlyLeftInCart', vars: { n: 4, inCart: 4 }, tone: 'warn' });
    expect(notEnoughNote(0)).toMatchObject({ key: 'stock.out', tone: 'bad' });
  });

  it('offers checkout only when every line can be bought as it stands and the total fits one payment', () => {
    const ok = { status: 'ok' as const };
    expect(canCheckout({ lines: [] })).toBe(false);
    expect(canCheckout({ lines: [ok, ok] as never })).toBe(true);
    expect(canCheckout({ lines: [ok, { status: 'short' }] as never })).toBe(false);
    expect(checkoutBlocker({ lines: [ok, { status: 'unavailable' }] as never })).toMatchObject({ key: 'cart.fixLines' });
    expect(checkoutBlocker({ lines: [ok] as never, checkoutTotal: { payable: false } })).toMatchObject({ key: 'cart.tooLarge', tone: 'bad' });
    expect(canCheckout({ lines: [ok] as never, checkoutTotal: { payable: true } })).toBe(true);
  });

  it('blocks checkout of a cart over China’s cross-border per-order limit with its own note', () => {
    const ok = { status: 'ok' as const };
    const overLimit = { lines: [ok] as never, checkoutTotal: { payable: false, reason: 'over_cross_border_limit' } };
    expect(checkoutBlocker(overLimit)).toEqual({ key: 'cart.overLimit', tone: 'bad' });
    expect(canCheckout(overLimit)).toBe(false);
    expect(checkoutBlocker({ lines: [ok] as never, checkoutTotal: { payable: false, reason: 'amount_too_large' } })).toMatchObject({ key: 'cart.tooLarge' });
    expect(checkoutBlocker({ lines: [ok] as never, checkoutTotal: { payable: false, reason: 'charge_rounds_to_zero' } })).toEqual({ key: 'cart.chargeZero', tone: 'bad' });
    expect(checkoutFailureOf(422, { title: 'Over the limit', status: 422, reason: 'over_cross_border_limit' })).toEqual({ kind: 'summary', note: { key: 'cart.overLimit', tone: 'bad' } });
  });

  it('puts each checkout refusal where the shopper will look for it', () => {
    const emailProblem = { title: 'The request is not valid', status: 400, errors: [{ field: 'email', message: 'an email address' }] };
    const refusedEmail = checkoutFailureOf(400, emailProblem);
    expect(refusedEmail.kind === 'fields' && refusedEmail.fields.get('email')).toEqual({ key: 'cart.emailInvalid', tone: 'bad' });
    expect(checkoutFailureOf(404, { title: 'No such cart', status: 404 })).toMatchObject({ kind: 'cart-gone' });
    expect(checkoutFailureOf(409, { title: 'In progress', status: 409, reason: 'checkout_in_progress' })).toMatchObject({ kind: 'summary', note: { key: 'cart.inProgress' } });
    // Too many unpaid orders: the wait in whole minutes, rounded up (the Retry-After is in seconds).
    expect(checkoutFailureOf(429, { title: 'Too many unpaid orders', status: 429, reason: 'too_many_unpaid_orders', limit: 3, retryAfterSeconds: 61 })).toEqual({
      kind: 'summary',
      note: { key: 'cart.tooManyUnpaid', vars: { n: 2, limit: 3 }, tone: 'warn' },
    });
    expect(checkoutFailureOf(409, { title: 'Paid', status: 409, reason: 'earlier_checkout_paid' })).toMatchObject({ kind: 'summary', note: { key: 'cart.alreadyPaid' } });
    expect(checkoutFailureOf(422, { title: 'Refused', status: 422, reason: 'provider_refused' })).toMatchObject({ kind: 'summary', note: { key: 'cart.providerRefused' } });
    expect(checkoutFailureOf(422, { title: 'Too large', status: 422, reason: 'amount_too_large' })).toMatchObject({ kind: 'summary', note: { key: 'cart.tooLarge' } });
    expect(checkoutFailureOf(422, { title: 'Free', status: 422, reason: 'charge_rounds_to_zero' })).toMatchObject({ kind: 'summary', note: { key: 'cart.chargeZero' } });
    const refused = checkoutFailureOf(409, {
      title: 'Some lines cannot be bought as they are',
      status: 409,
      lines: [
        { productId: 'kg-hny-001', requested: 5, available: 2, reason: 'short' },
        { productId: 'ru-swt-001', requested: 1, available: 0, reason: 'unavailable' },
      ],
    });
    expect(refused.kind).toBe('lines');
    if (refused.kind !== 'lines') return;
    expect(refused.lines.get('kg-hny-001')).toEqual({ key: 'cart.short', vars: { n: 2 }, tone: 'warn' });
    expect(refused.lines.get('ru-swt-001')).toMatchObject({ key: 'cart.unavailable' });
    expect(checkoutFailureOf(422, null)).toMatchObject({ kind: 'summary', note: { key: 'cart.tooLarge' } });
    expect(checkoutFailureOf(502, null)).toMatchObject({ kind: 'summary', note: { key: 'cart.providerDown' } });
    expect(checkoutFailureOf(0, null)).toMatchObject({ kind: 'summary', note: { key: 'cart.failed' } });
  });

  it('checks an email lightly before the server checks it properly', () => {
    expect(looksLikeEmail('shopper@example.com')).toBe(true);
    expect(looksLikeEmail('shopper@example')).toBe(false);
    expect(looksLikeEmail('shop per@example.com')).toBe(false);
  });
});
