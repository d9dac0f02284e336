import { CATEGORY_NAMES } from '../../../../functions/domain/catalogue.js';
import type { Language } from '../../../../functions/domain/languages.js';
import { minorUnitExponent, type Money } from '../../../../functions/domain/money.js';
import type { PublicProduct } from '../../data/catalogue.js';

/**
 * A product page's schema.org `Product` for search engines (JSON-LD, layouts/Base.astro), as
 * the page was built: the price in yuan at the build's rates (every order ships to China), whether
 * it can be bought then, the producer as the brand.
 */
export interface ProductStructuredDataInput {
  readonly product: PublicProduct;
  readonly lang: Language;
  /** The page's own absolute URL (its canonical). */
  readonly url: string;
  /** Absolute URLs of images search engines can read (no SVG: functions/domain/images.ts shareImage). */
  readonly images: readonly string[];
  /** The price offered: in yuan at the build's rates, or the pavilion's own when there were none. */
  readonly price: Money;
  /** Whether a shopper in China could buy it when the page was built (in stock and allowed in). */
  readonly buyable: boolean;
  /** The pavilion that sells it. */
  readonly seller: string;
}

export function productStructuredData(input: ProductStructuredDataInput): Record<string, unknown> {
  const { product, lang } = input;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title[lang],
    description: product.description[lang],
    sku: product.sku,
    image: [...input.images],
    url: input.url,
    category: CATEGORY_NAMES[product.category][lang],
    brand: { '@type': 'Brand', name: product.producer[lang] },
    offers: {
      '@type': 'Offer',
      url: input.url,
      price: decimalAmount(input.price),
      priceCurrency: input.price.currency,
      availability: input.buyable ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: input.seller },
    },
  };
}

/** Minor units as schema.org writes a price: a plain decimal with the currency's digits ("86.40", "1200"). */
export function decimalAmount(money: Money): string {
  const exponent = minorUnitExponent(money.currency);
  const digits = String(Math.abs(money.amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return money.amount < 0 ? `-${whole}` : whole;
}
