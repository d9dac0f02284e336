import { convertMoney, minorUnitExponent, multiplyMoney, type ExchangeRate, type Money } from '../../../../functions/domain/money.js';

/**
 * Rates come from the API as exact fractions of minor units (to per from). Shoppers read
 * "1 KGS = ¥0.0812": one major unit of the foreign currency in the checkout currency.
 */
export function majorUnitRate(rate: Pick<ExchangeRate, 'from' | 'to' | 'numerator' | 'denominator'>): number {
  const shift = minorUnitExponent(rate.from) - minorUnitExponent(rate.to);
  return (rate.numerator / rate.denominator) * 10 ** shift;
}

/** "1 KGS = ¥0.0812", with four significant digits: enough for UZS (0.000592) and USD (7.1) alike. */
export function rateText(rate: Pick<ExchangeRate, 'from' | 'to' | 'numerator' | 'denominator'>, locale: string): string {
  const value = new Intl.NumberFormat(locale, { style: 'currency', currency: rate.to, maximumSignificantDigits: 4 }).format(majorUnitRate(rate));
  return `1 ${rate.from} = ${value}`;
}

/** All rates of a cart or order in one line (Chinese text separates them with a full-width semicolon). */
export function ratesText(rates: readonly Pick<ExchangeRate, 'from' | 'to' | 'numerator' | 'denominator'>[], locale: string): string {
  return rates.map((rate) => rateText(rate, locale)).join(locale.startsWith('zh') ? '；' : '; ');
}

/** The day a rate snapshot is from ("2025-11-28" or a full ISO time), in the shopper's locale; read in UTC, as it was taken. */
export function rateDate(asOf: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(asOf.length === 10 ? `${asOf}T00:00:00Z` : asOf));
}

/**
 * What one unit of a cart line costs in the checkout currency, computed exactly as checkout does
 * (functions/domain/pricing.ts chargeIn): the unit price converted and rounded once. Null when the
 * line is already in that currency or its rate is not in the answer.
 */
export function convertedUnitPrice(line: { readonly unitPrice: Money }, total: Money, rates: readonly ExchangeRate[]): Money | null {
  if (line.unitPrice.currency === total.currency) return null;
  const rate = rates.find((candidate) => candidate.from === line.unitPrice.currency && candidate.to === total.currency);
  return rate ? convertMoney(line.unitPrice, total.currency, rate) : null;
}

/** What a cart line will cost in the checkout currency: its converted unit price times the quantity (null as above). */
export function convertedLineTotal(line: { readonly unitPrice: Money; readonly quantity: number }, total: Money, rates: readonly ExchangeRate[]): Money | null {
  const unit = convertedUnitPrice(line, total, rates);
  return unit ? multiplyMoney(unit, line.quantity) : null;
}
