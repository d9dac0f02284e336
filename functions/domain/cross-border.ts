import type { Money } from './money.js';

/**
 * China's limits on cross-border e-commerce retail imports (财关税〔2018〕49号): at most CNY 5,000
 * per order and CNY 26,000 per buyer in a calendar year. Both are counted on the dutiable value,
 * goods plus freight (insurance: none), the stricter reading of the rule. Beyond them the goods
 * would be taxed as general trade, so the store refuses the order instead of shipping it.
 * Every order of this store ships to China, so every order is held to them, in whatever currency
 * it is paid.
 */
export const PER_ORDER_LIMIT_CNY: Money = { amount: 500_000, currency: 'CNY' };
export const YEARLY_LIMIT_CNY: Money = { amount: 2_600_000, currency: 'CNY' };

/** China Standard Time is UTC+8 all year (no daylight saving): the customs year turns at midnight there. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar year, in China, of an instant: the year a buyer's purchase counts toward. */
export function customsYear(iso: string): number {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The date (YYYY-MM-DD) in China of an instant: "today" for a date of birth. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function cnyAmount(value: Money): number {
  if (value.currency !== 'CNY') throw new RangeError(`China's limits are counted in CNY, got ${value.currency}`);
  return value.amount;
}

/** Whether an order's dutiable value stays within the per-order limit; exactly CNY 5,000 is allowed. */
export function withinPerOrderLimit(dutiableValue: Money): boolean {
  return cnyAmount(dutiableValue) <= PER_ORDER_LIMIT_CNY.amount;
}

/** What a buyer may still buy this year, given what their paid and unpaid orders already count. */
export function yearlyAllowanceLeft(counted: Money): Money {
  return { amount: Math.max(0, YEARLY_LIMIT_CNY.amount - cnyAmount(counted)), currency: 'CNY' };
}

/**
 * The most a buyer's year may already count for an order of this dutiable value to fit: the
 * condition the store writes the count under, in the same transaction as the reservation.
 */
export function countedAtMostFor(dutiableValue: Money): number {
  return YEARLY_LIMIT_CNY.amount - cnyAmount(dutiableValue);
}

/** The most one more order by a buyer may carry: the per-order limit, or less when their year is nearly used. */
export function orderAllowanceFor(counted: Money): Money {
  const left = yearlyAllowanceLeft(counted);
  return left.amount < PER_ORDER_LIMIT_CNY.amount ? left : PER_ORDER_LIMIT_CNY;
}

/** Whether an order of this dutiable value fits what is left of the buyer's year. */
export function withinYearlyAllowance(counted: Money, dutiableValue: Money): boolean {
  return cnyAmount(dutiableValue) <= yearlyAllowanceLeft(counted).amount;
}
