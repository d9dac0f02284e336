import type { Language } from '../../../../functions/domain/languages.js';
import { CURRENCIES, isCurrency, type CurrencyCode } from '../../../../functions/domain/money.js';

/**
 * The currencies a shopper can see prices in and pay in: every one the store charges
 * (functions/domain/money.ts CURRENCIES, the currencies Stripe takes for this store), which is
 * exactly what checkout accepts (functions/http/schemas/checkout.ts, CurrencySchema). Yuan by
 * default in every language: every order ships to China.
 */
export const CHARGE_CURRENCIES: readonly CurrencyCode[] = CURRENCIES;
export const DEFAULT_CURRENCY: CurrencyCode = 'CNY';

export function isChargeCurrency(code: string): code is CurrencyCode {
  return isCurrency(code);
}

/**
 * After the yuan, the currencies a reader of each language most likely holds: Hong Kong's and the
 * two wallet currencies for Chinese readers, the rouble and its neighbours' for Russian readers,
 * the dollar and the euro for English readers.
 */
const NATURAL: Record<Language, readonly CurrencyCode[]> = {
  zh: ['CNY', 'HKD', 'USD', 'EUR'],
  ru: ['CNY', 'RUB', 'KZT', 'BYN', 'KGS', 'UZS', 'TJS', 'USD', 'EUR'],
  en: ['CNY', 'USD', 'EUR', 'HKD'],
};

export interface CurrencyGroups {
  /** The yuan first, then the language's natural ones. */
  readonly common: readonly CurrencyCode[];
  /** Every other charge currency, by code. */
  readonly more: readonly CurrencyCode[];
}

/** The charge currencies in the order a picker offers them in one language; each appears once. */
export function currencyGroups(lang: Language): CurrencyGroups {
  const common = NATURAL[lang].filter((code) => CHARGE_CURRENCIES.includes(code));
  const more = CHARGE_CURRENCIES.filter((code) => !common.includes(code)).sort();
  return { common, more };
}
