import { describe, expect, it } from 'vitest';
import { PER_ORDER_LIMIT_CNY } from '../../functions/domain/cross-border.js';
import type { CurrencyCode, Money } from '../../functions/domain/money.js';
import { payability } from '../../functions/domain/payable.js';
import { MAX_PAYMENT_AMOUNT } from '../../functions/domain/payment-methods.js';

const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

/** A quote's figures as payability reads them: the dutiable value in CNY, the total in the charge currency. */
function quote(dutiableCny: number, total: number, currency: CurrencyCode = 'CNY', unitsCharged: readonly number[] = [total]) {
  return {
    cny: { goods: cny(dutiableCny), freight: cny(0), tax: cny(0), dutiableValue: cny(dutiableCny) },
    total: { amount: total, currency },
    lines: unitsCharged.map((amount, index) => ({ productId: `p${index}`, chargedUnitPrice: { amount, currency } })),
  };
}

describe('whether a cart can be paid (the cart shows it, checkout enforces it)', () => {
  it('is payable up to exactly CNY 5,000 of goods and freight, and up to the most one payment carries', () => {
    expect(payability(quote(PER_ORDER_LIMIT_CNY.amount, 560_000))).toEqual({ payable: true });
    expect(payability(quote(100_000, MAX_PAYMENT_AMOUNT, 'KZT'))).toEqual({ payable: true });
  });

  it('refuses an order over China’s per-order limit, with the limit, whatever the currency', () => {
    expect(payability(quote(PER_ORDER_LIMIT_CNY.amount + 1, 9_000_000, 'RUB'))).toEqual({ payable: false, reason: 'over_cross_border_limit', limit: PER_ORDER_LIMIT_CNY });
  });

  it('refuses a total one payment cannot carry, with the most it carries in that currency', () => {
    expect(payability(quote(100_000, MAX_PAYMENT_AMOUNT + 1, 'UZS'))).toEqual({ payable: false, reason: 'amount_too_large', maxAmount: { amount: MAX_PAYMENT_AMOUNT, currency: 'UZS' } });
  });

  it('names the per-order limit first: another currency cannot lift it', () => {
    expect(payability(quote(PER_ORDER_LIMIT_CNY.amount + 1, MAX_PAYMENT_AMOUNT + 1, 'UZS'))).toMatchObject({ reason: 'over_cross_border_limit' });
  });

  it('refuses a line whose unit would be charged nothing in the charge currency, naming it: it would be given away', () => {
    expect(payability(quote(10, 5_000, 'CNY', [5_000, 0]))).toEqual({ payable: false, reason: 'charge_rounds_to_zero', productIds: ['p1'] });
    expect(payability(quote(10, 5_000, 'CNY', [5_000, 1]))).toEqual({ payable: true });
  });
});
