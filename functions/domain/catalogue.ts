import type { Localized } from './languages.js';
import type { Money } from './money.js';
import type { PavilionCode } from './pavilion.js';

export const CATEGORIES = [
  'honey', 'fruit', 'jam', 'dairy', 'sweets', 'tea', 'drinks', 'oils', 'grains', 'spices', 'meat', 'crafts',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, Localized> = {
  honey: { zh: '蜂蜜', ru: 'Мёд', en: 'Honey' },
  fruit: { zh: '水果与果干', ru: 'Фрукты и сухофрукты', en: 'Fruit & dried fruit' },
  jam: { zh: '果酱', ru: 'Варенье и джемы', en: 'Jam & preserves' },
  dairy: { zh: '乳制品', ru: 'Молочные продукты', en: 'Dairy' },
  sweets: { zh: '糖果点心', ru: 'Сладости', en: 'Sweets' },
  tea: { zh: '茶与咖啡', ru: 'Чай и кофе', en: 'Tea & coffee' },
  drinks: { zh: '饮品', ru: 'Напитки', en: 'Drinks' },
  oils: { zh: '食用油', ru: 'Масла', en: 'Oils' },
  grains: { zh: '粮食与面食', ru: 'Крупы и мука', en: 'Grains & flour' },
  spices: { zh: '香料', ru: 'Специи', en: 'Spices' },
  meat: { zh: '肉制品', ru: 'Мясные деликатесы', en: 'Meat delicacies' },
  crafts: { zh: '手工艺品', ru: 'Ремёсла', en: 'Crafts' },
};

export type ProductStatus = 'active' | 'archived';

export const CERTIFICATE_KINDS = ['gacc', 'halal', 'organic', 'eac', 'gi', 'iso22000', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** The longest certificate number and issuer name a listing may carry (the API's schema and the editor's fields). */
export const CERTIFICATE_NUMBER_MAX = 60;
export const CERTIFICATE_ISSUER_MAX = 200;

export interface Certificate {
  readonly kind: CertificateKind;
  readonly number: string;
  readonly issuer: string;
  /** ISO date (YYYY-MM-DD). */
  readonly validUntil: string;
}

/** How the goods reach a shopper in China: stocked in a bonded warehouse, or sent from the origin. */
export type FulfilmentMode = 'bonded_warehouse' | 'direct_rail' | 'direct_air';

export interface Fulfilment {
  readonly mode: FulfilmentMode;
  readonly leadTimeDays: number;
}

/** What a pavilion manager writes about a product; everything else on a product belongs to the system. */
export interface ProductContent {
  readonly category: Category;
  readonly title: Localized;
  readonly description: Localized;
  readonly unit: Localized;
  readonly price: Money;
  readonly weightGrams: number;
  readonly origin: Localized;
  readonly producer: Localized;
  readonly certificates: readonly Certificate[];
  readonly fulfilment: Fulfilment;
  /**
   * China's 10-digit tariff code (HS + national subheadings). Customs declares every line under it,
   * and the import tax rate comes from it (domain/import-tax-rates.ts).
   */
  readonly hsCode: string;
  /** Site-relative image URLs (`/media/...`), first one is the cover. */
  readonly images: readonly string[];
}

export interface Product extends ProductContent {
  /** URL-safe and stable: `<pavilion code lower case>-<sku slug>`, so a pavilion's SKU maps to one product. */
  readonly id: string;
  readonly pavilion: PavilionCode;
  readonly sku: string;
  readonly status: ProductStatus;
  /** Units free to sell. Checkout moves units from stock to reserved, payment from reserved to sold. */
  readonly stock: number;
  readonly reserved: number;
  readonly sold: number;
  /** Optimistic-concurrency version, bumped on every edit by the pavilion. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** China Customs' 10-digit commodity code, digits only (0409000000 for natural honey). */
export const HS_CODE = /^\d{10}$/;

/**
 * An HS code as people write it (0409.00.00.00, 0409 000000, full-width digits from a Chinese input
 * method) read as digits only; anything else is left as typed, for the HS_CODE check to refuse.
 */
export function normalizeHsCode(value: string): string {
  const text = value.normalize('NFKC').trim();
  return /^[\d.\s]+$/.test(text) ? text.replace(/[.\s]/g, '') : text;
}

export const PRODUCT_ID = /^[a-z]{2}-[a-z0-9][a-z0-9-]{0,62}$/;
export const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** SKUs often start with the country code already (KG-HNY-001): it is not repeated in the id. */
export function productIdFor(pavilion: PavilionCode, sku: string): string {
  const prefix = `${pavilion.toLowerCase()}-`;
  const slug = sku.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.startsWith(prefix) ? slug : `${prefix}${slug}`;
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
