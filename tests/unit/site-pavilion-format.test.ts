import { describe, expect, it } from 'vitest';
import { decimalSeparator, exponentOf, fromDecimal, toDecimal } from '../../site/src/features/pavilion/format.js';

describe('amounts as the workspace reads and writes them', () => {
  // CLDR (behind Intl) gives PKR and AFN no fraction digits; ISO 4217 and Stripe count hundredths (functions/domain/money.ts).
  it.each(['PKR', 'AFN', 'KGS', 'CNY'])('count %s in hundredths, as the domain does, whatever Intl says', (currency) => {
    expect(exponentOf(currency)).toBe(2);
    expect(fromDecimal('650.50', currency)).toBe(65_050);
    expect(toDecimal(65_050, currency)).toBe('650.50');
  });

  it('turn yuan typed either way into fen exactly, and refuse what is not an amount', () => {
    expect(fromDecimal('28', 'CNY')).toBe(2_800);
    expect(fromDecimal('24,5', 'CNY')).toBe(2_450);
    expect(fromDecimal(' 1 000.00 ', 'CNY')).toBe(100_000);
    expect(fromDecimal('0.29', 'CNY')).toBe(29);
    expect(fromDecimal('26.555', 'CNY')).toBeNull();
    expect(fromDecimal('-1', 'CNY')).toBeNull();
    expect(fromDecimal('', 'CNY')).toBeNull();
    expect(toDecimal(0, 'CNY')).toBe('0.00');
    expect(toDecimal(5, 'CNY')).toBe('0.05');
  });

  it('write decimals as the workspace language does, and read them back either way', () => {
    expect(decimalSeparator('ru-RU')).toBe(',');
    expect(decimalSeparator('zh-CN')).toBe('.');
    expect(decimalSeparator('en-GB')).toBe('.');
    expect(toDecimal(2_200, 'CNY', decimalSeparator('ru-RU'))).toBe('22,00');
    expect(toDecimal(5, 'CNY', ',')).toBe('0,05');
    expect(fromDecimal(toDecimal(2_200, 'CNY', ','), 'CNY')).toBe(2_200);
  });
});
