import type { CurrencyCode, Money } from './money.js';

export type PaymentMethod = 'card' | 'alipay' | 'wechat_pay';

/**
 * Presentment currencies Stripe allows, narrowed to the ones we charge in.
 * Alipay: aud, cad, cny, eur, gbp, hkd, jpy, nzd, sgd, usd, myr.
 * WeChat Pay: aud, cad, cny, eur, gbp, hkd, jpy, sgd, usd, dkk, nok, sek, chf.
 * Source: docs.stripe.com/payments/alipay/accept-a-payment and .../wechat-pay/accept-a-payment (Checkout).
 */
const WALLET_CURRENCIES: Record<Exclude<PaymentMethod, 'card'>, readonly CurrencyCode[]> = {
  alipay: ['CNY', 'EUR', 'HKD', 'USD'],
  wechat_pay: ['CNY', 'EUR', 'HKD', 'USD'],
};

/**
 * The most one payment carries, in minor units: Stripe takes at most eight digits for a charge in
 * any of our currencies, by card, Alipay or WeChat Pay alike.
 * Source: docs.stripe.com/currencies#minimum-and-maximum-charge-amounts.
 */
export const MAX_PAYMENT_AMOUNT = 99_999_999;

/** Whether a total can be charged in one payment (checkout refuses it otherwise; the cart shows why). */
export function fitsOnePayment(total: Money): boolean {
  return total.amount <= MAX_PAYMENT_AMOUNT;
}

/** Card always; a wallet where it takes the currency and the amount stays under the 8-digit cap. */
export function paymentMethodsFor(total: Money): PaymentMethod[] {
  const methods: PaymentMethod[] = ['card'];
  for (const wallet of ['alipay', 'wechat_pay'] as const) {
    if (WALLET_CURRENCIES[wallet].includes(total.currency) && fitsOnePayment(total)) methods.push(wallet);
  }
  return methods;
}
