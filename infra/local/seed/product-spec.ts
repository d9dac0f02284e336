import { productIdFor, type Category, type Certificate, type Fulfilment, type Product } from '../../../functions/domain/catalogue.js';
import type { Localized } from '../../../functions/domain/languages.js';
import { minorUnitExponent, money } from '../../../functions/domain/money.js';
import type { Pavilion } from '../../../functions/domain/pavilion.js';

/** A text in the site's three languages, written in the order the shelf reads: zh, ru, en. */
export function t(zh: string, ru: string, en: string): Localized {
  return { zh, ru, en };
}

/** A maker, with the registrations that belong to the maker rather than to one product (GACC). */
export interface SeedProducer {
  readonly name: Localized;
  readonly registrations: readonly Certificate[];
}

/** One listing as a pavilion would write it; `buildProduct` turns it into a catalogue Product. */
export interface ProductSpec {
  readonly sku: string;
  readonly category: Category;
  readonly title: Localized;
  readonly description: Localized;
  readonly unit: Localized;
  /** Shelf price in the pavilion's currency, in major units as a shopper reads it (1200 = 1,200 KGS). */
  readonly price: number;
  readonly weightGrams: number;
  readonly stock: number;
  readonly origin: Localized;
  readonly producer: SeedProducer;
  /** Product-level certificates (halal, EAC, organic, GI); the producer's GACC number is added. */
  readonly certificates?: readonly Certificate[];
  readonly fulfilment: Fulfilment;
  /** China's 10-digit tariff code, chosen so the import tax table (domain/import-tax-rates.ts) finds the goods' row. */
  readonly hsCode: string;
}

export const bonded = (leadTimeDays: number): Fulfilment => ({ mode: 'bonded_warehouse', leadTimeDays });
export const rail = (leadTimeDays: number): Fulfilment => ({ mode: 'direct_rail', leadTimeDays });
export const air = (leadTimeDays: number): Fulfilment => ({ mode: 'direct_air', leadTimeDays });

function grams(weight: number): Localized {
  if (weight >= 1000 && weight % 100 === 0) {
    const kg = String(weight / 1000);
    return t(`${kg}千克`, `${kg.replace('.', ',')} кг`, `${kg} kg`);
  }
  return t(`${weight}克`, `${weight} г`, `${weight} g`);
}

function join(size: Localized, zh: string, ru: string, en: string): Localized {
  return t(`${size.zh}${zh}`, `${ru} ${size.ru}`, `${size.en} ${en}`);
}

/** Pack sizes in the three languages, so "500 g glass jar" reads naturally everywhere. */
export const unit = {
  jar: (g: number) => join(grams(g), '玻璃罐装', 'стеклянная банка', 'glass jar'),
  pack: (g: number) => join(grams(g), '袋装', 'пакет', 'pack'),
  box: (g: number) => join(grams(g), '盒装', 'коробка', 'box'),
  giftBox: (g: number) => join(grams(g), '礼盒装', 'подарочная коробка', 'gift box'),
  tin: (g: number) => join(grams(g), '罐装', 'жестяная банка', 'tin'),
  bar: (g: number) => join(grams(g), '板', 'плитка', 'bar'),
  vacuum: (g: number) => join(grams(g), '真空包装', 'вакуумная упаковка', 'vacuum pack'),
  bottle: (ml: number) =>
    ml >= 1000
      ? t(`${ml / 1000}升瓶装`, `бутылка ${String(ml / 1000).replace('.', ',')} л`, `${ml / 1000} l bottle`)
      : t(`${ml}毫升瓶装`, `бутылка ${ml} мл`, `${ml} ml bottle`),
  piece: (zh: string, ru: string, en: string) => t(zh, ru, en),
};

/** Product timestamps spread over the two months before `now`, derived from the index (no randomness). */
export function timestampsFor(index: number, now: Date): { createdAt: string; updatedAt: string } {
  const minute = 60_000;
  const ageMinutes = (2 + ((index * 37) % 58)) * 24 * 60 + ((index * 137) % 1380) + index;
  const created = now.getTime() - ageMinutes * minute;
  const editedAfter = ((index * 53) % 5) * 24 * 60 * minute;
  const updated = Math.min(created + editedAfter, now.getTime() - minute);
  return { createdAt: new Date(created).toISOString(), updatedAt: new Date(updated).toISOString() };
}

/** Converts a shelf price to integer minor units with the currency's looked-up exponent. */
export function toMinorUnits(major: number, currency: Pavilion['currency']): number {
  return Math.round(major * 10 ** minorUnitExponent(currency));
}

export function buildProduct(spec: ProductSpec, pavilion: Pavilion, index: number, now: Date): Product {
  const id = productIdFor(pavilion.code, spec.sku);
  return {
    id,
    pavilion: pavilion.code,
    sku: spec.sku,
    category: spec.category,
    status: 'active',
    title: spec.title,
    description: spec.description,
    unit: spec.unit,
    price: money(toMinorUnits(spec.price, pavilion.currency), pavilion.currency),
    weightGrams: spec.weightGrams,
    origin: spec.origin,
    producer: spec.producer.name,
    certificates: [...spec.producer.registrations, ...(spec.certificates ?? [])],
    fulfilment: spec.fulfilment,
    hsCode: spec.hsCode,
    images: [`/media/products/${id}.svg`],
    stock: spec.stock,
    reserved: 0,
    sold: 0,
    version: 1,
    ...timestampsFor(index, now),
  };
}
