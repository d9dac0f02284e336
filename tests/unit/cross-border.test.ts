import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  countedAtMostFor,
  orderAllowanceFor,
  customsYear,
  PER_ORDER_LIMIT_CNY,
  withinPerOrderLimit,
  withinYearlyAllowance,
  YEARLY_LIMIT_CNY,
  yearlyAllowanceLeft,
} from '../../functions/domain/cross-border.js';
import { MAX_AMOUNT, type Money } from '../../functions/domain/money.js';

const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

describe('China’s cross-border limits', () => {
  it('are CNY 5,000.00 per order and CNY 26,000.00 per buyer and year, in minor units', () => {
    expect(PER_ORDER_LIMIT_CNY).toEqual(cny(500_000));
    expect(YEARLY_LIMIT_CNY).toEqual(cny(2_600_000));
  });

  it.each([
    [cny(499_999), true],
    [cny(500_000), true],
    [cny(500_001), false],
    [cny(MAX_AMOUNT), false],
  ])('per order: a dutiable value of %o passes: %s', (value, passes) => {
    expect(withinPerOrderLimit(value)).toBe(passes);
  });

  it.each([
    // counted so far, this order, passes, left before the order
    [0, 500_000, true, 2_600_000],
    [2_100_000, 500_000, true, 500_000],
    [2_100_000, 500_001, false, 500_000],
    [2_599_999, 1, true, 1],
    [2_600_000, 1, false, 0],
    // Counts past the limit (a late payment re-counted by hand) never make the allowance negative.
    [2_700_000, 1, false, 0],
  ])('per year: with %i fen counted, an order of %i fen passes: %s (%i left)', (counted, value, passes, left) => {
    expect(withinYearlyAllowance(cny(counted), cny(value))).toBe(passes);
    expect(yearlyAllowanceLeft(cny(counted))).toEqual(cny(left));
    // The store's condition says the same thing: the count before the order is at most this.
    expect(counted <= countedAtMostFor(cny(value))).toBe(passes);
  });

  it.each([
    [0, 500_000],
    [2_100_000, 500_000],
    [2_200_000, 400_000],
    [2_600_000, 0],
  ])('with %i fen counted, one more order may carry %i fen', (counted, allowance) => {
    expect(orderAllowanceFor(cny(counted))).toEqual(cny(allowance));
  });

  it('never compares a figure in another currency with a limit', () => {
    expect(() => withinPerOrderLimit({ amount: 1, currency: 'KGS' })).toThrow(RangeError);
    expect(() => yearlyAllowanceLeft({ amount: 1, currency: 'USD' })).toThrow(RangeError);
  });
});

describe('the customs year and date, in China time (UTC+8)', () => {
  it.each([
    ['2026-12-31T15:59:59.999Z', 2026, '2026-12-31'],
    ['2026-12-31T16:00:00.000Z', 2027, '2027-01-01'],
    ['2027-01-01T00:00:00.000Z', 2027, '2027-01-01'],
    ['2026-06-30T20:00:00.000Z', 2026, '2026-07-01'],
  ])('%s is in %i, on %s', (instant, year, date) => {
    expect(customsYear(instant)).toBe(year);
    expect(chinaDate(instant)).toBe(date);
  });
});
