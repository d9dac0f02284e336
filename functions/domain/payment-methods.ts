import { WALLET_MAX_AMOUNT, type CurrencyCode, type Money } from './money.js';

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

/** Stripe takes at most eight digits of minor units for a charge in any of our currencies. */
export const STRIPE_MAX_AMOUNT = 99_999_999;

/** Whether a total can be charged in one payment (checkout refuses it otherwise; the cart shows why). */
export function fitsOnePayment(total: Money): boolean {
  return total.amount <= STRIPE_MAX_AMOUNT;
}

/** Card always; a wallet where it takes the currency and the amount stays under its 8-digit cap. */
export function paymentMethodsFor(total: Money): PaymentMethod[] {
  const methods: PaymentMethod[] = ['card'];
  for (const wallet of ['alipay', 'wechat_pay'] as const) {
    if (WALLET_CURRENCIES[wallet].includes(total.currency) && total.amount <= WALLET_MAX_AMOUNT) methods.push(wallet);
  }
  return methods;
}
