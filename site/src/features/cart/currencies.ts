import type { CurrencyCode } from '../../../../functions/domain/money.js';

/**
 * The currencies a shopper can pay in. CNY first: most shoppers are in China, and Alipay and
 * WeChat Pay are offered for all four (functions/domain/payment-methods.ts).
 */
export const CHECKOUT_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const satisfies readonly CurrencyCode[];
export type CheckoutCurrency = (typeof CHECKOUT_CURRENCIES)[number];
export const DEFAULT_CHECKOUT_CURRENCY: CheckoutCurrency = 'CNY';

export function isCheckoutCurrency(code: string): code is CheckoutCurrency {
  return (CHECKOUT_CURRENCIES as readonly string[]).includes(code);
}
