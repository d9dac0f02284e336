import { describe, expect, it } from 'vitest';
import { apportion, billableKilograms, DEFAULT_FREIGHT_RATES, parcelFreight } from '../../functions/domain/freight.js';

const rail = { firstKg: { amount: 2_800, currency: 'CNY' as const }, extraKg: { amount: 1_200, currency: 'CNY' as const } };

describe('freight of a parcel', () => {
  it.each([
    [1, 1, 2_800],
    [1_000, 1, 2_800],
    [1_001, 2, 4_000],
    [2_500, 3, 5_200],
    [10_000, 10, 13_600],
  ])('%i g is billed as %i kg: %i fen by rail', (grams, kilograms, fen) => {
    expect(billableKilograms(grams)).toBe(kilograms);
    expect(parcelFreight(grams, rail)).toEqual({ amount: fen, currency: 'CNY' });
  });

  it('is free from a bonded warehouse unless the pavilion says otherwise', () => {
    expect(parcelFreight(5_000, DEFAULT_FREIGHT_RATES.bonded_warehouse).amount).toBe(0);
  });

  it('refuses rates in another currency than CNY', () => {
    expect(() => parcelFreight(1, { firstKg: { amount: 1, currency: 'KGS' }, extraKg: { amount: 1, currency: 'CNY' } })).toThrow(RangeError);
  });
});

describe('apportioning freight among a parcel’s lines', () => {
  it.each([
    // total, weights (goods values), shares
    [2_800, [9_744], [2_800]],
    [1_000, [1, 1], [500, 500]],
    [1_000, [1, 1, 1], [334, 333, 333]],
    [100, [2, 1], [67, 33]],
    [5_200, [29_232, 7_086], [4_185, 1_015]], // 4185.41 and 1014.59: the left-over fen goes to the larger remainder
    [1, [1, 1, 1], [1, 0, 0]],
    [0, [5, 7], [0, 0]],
    [10, [0, 0], [5, 5]],
  ])('%i fen over %o -> %o', (total, weights, shares) => {
    const result = apportion(total, weights);
    expect(result).toEqual(shares);
    expect(result.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('always adds up exactly, whatever the weights', () => {
    for (let round = 0; round < 200; round++) {
      const weights = Array.from({ length: 1 + (round % 7) }, () => Math.floor(Math.random() * 1_000_000));
      const total = Math.floor(Math.random() * 100_000);
      const shares = apportion(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(shares.every((share) => share >= 0)).toBe(true);
    }
  });
});
