import { describe, expect, it } from 'vitest';
import type { Product } from '../../functions/domain/catalogue.js';
import { DEFAULT_FREIGHT_RATES } from '../../functions/domain/freight.js';
import { touchesPublishedPages } from '../../functions/domain/publishing.js';
import { aPavilion, aProduct } from '../fixtures/products.js';

const honey = aProduct({ stock: 10, reserved: 0, sold: 0, version: 3 });
const edit = (fields: Partial<Product>): Product => ({ ...honey, ...fields });

describe('which catalogue changes rebuild the published pages', () => {
  it.each<[string, boolean, Product]>([
    ['a checkout reserving units', false, edit({ stock: 9, reserved: 1 })],
    ['a payment selling them', false, edit({ reserved: 0, sold: 1 })],
    ['a stock count by the pavilion', false, edit({ stock: 25, updatedAt: '2026-03-01T10:00:00.000Z' })],
    ['a new version with nothing else changed', false, edit({ version: 4 })],
    ['a new title', true, edit({ title: { ...honey.title, en: 'Mountain honey' }, version: 4 })],
    ['a new price', true, edit({ price: { ...honey.price, amount: honey.price.amount + 100 } })],
    ['another image', true, edit({ images: [...honey.images, '/media/products/kg/extra.webp'] })],
    ['another way to ship (freight)', true, edit({ fulfilment: { mode: 'direct_air', leadTimeDays: 5 } })],
    ['another weight (freight)', true, edit({ weightGrams: honey.weightGrams + 1 })],
    ['archiving', true, edit({ status: 'archived' })],
  ])('%s rebuilds: %s', (_change, rebuilds, after) => {
    expect(touchesPublishedPages(honey, after)).toBe(rebuilds);
  });

  it('a listing created or removed does; nothing to nothing does not', () => {
    expect(touchesPublishedPages(null, honey)).toBe(true);
    expect(touchesPublishedPages(honey, null)).toBe(true);
    expect(touchesPublishedPages(null, null)).toBe(false);
  });

  it('a pavilion’s new freight rates or name do; the same pavilion written again does not', () => {
    const kg = aPavilion();
    const rail = { firstKg: { amount: 23_00, currency: 'CNY' as const }, extraKg: { amount: 9_00, currency: 'CNY' as const } };
    expect(touchesPublishedPages(kg, { ...kg, freightRates: { ...DEFAULT_FREIGHT_RATES, direct_rail: rail } })).toBe(true);
    expect(touchesPublishedPages(kg, { ...kg, name: { ...kg.name, en: 'Kyrgyz Republic' } })).toBe(true);
    expect(touchesPublishedPages(kg, structuredClone(kg))).toBe(false);
  });

  it('compares values, not the order their fields were written in', () => {
    const { title, ...rest } = honey;
    expect(touchesPublishedPages(honey, { title: { en: title.en, ru: title.ru, zh: title.zh }, ...rest })).toBe(false);
  });
});
