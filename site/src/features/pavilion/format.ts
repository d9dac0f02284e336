import { minorUnitExponent } from '../../../../functions/domain/money.js';
import { locale } from './i18n.js';

/**
 * Minor-unit exponent of a currency, from the domain's one table. Never from Intl: its CLDR data
 * gives PKR and AFN no fraction digits, while ISO 4217 and Stripe count them in hundredths, so
 * 650.50 PKR would be refused and 65050 shown as 65,050.
 */
export function exponentOf(currency: string): number {
  return minorUnitExponent(currency);
}

export function money(amount: number, currency: string): string {
  const exponent = exponentOf(currency);
  return new Intl.NumberFormat(locale(), { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(amount / 10 ** exponent);
}

/** Minor units as the decimal a person types (65050 -> "650.50", or "650,50" with a comma separator). */
export function toDecimal(amount: number, currency: string, separator = '.'): string {
  const exponent = exponentOf(currency);
  if (exponent === 0) return String(amount);
  const text = String(amount).padStart(exponent + 1, '0');
  return `${text.slice(0, -exponent)}${separator}${text.slice(-exponent)}`;
}

/** The decimal separator of a locale ("," in Russian, "." in Chinese and English); fromDecimal reads either. */
export function decimalSeparator(forLocale: string = locale()): string {
  return new Intl.NumberFormat(forLocale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** "650.5" or "650,50" -> 65050, exactly (string arithmetic); null when it is not a price. */
export function fromDecimal(text: string, currency: string): number | null {
  const exponent = exponentOf(currency);
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text.trim().replace(/[\s\u00a0]/g, ''));
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

export function count(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
