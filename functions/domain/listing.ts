import { productIdFor, type Product, type ProductContent } from './catalogue.js';
import { MAX_PAYMENT_AMOUNT } from './payment-methods.js';
import type { Pavilion } from './pavilion.js';

/**
 * A listing is a product as its pavilion manages it. The manager edits its content; stock,
 * reserved and sold belong to the stock rules and to checkout, and the id, SKU, pavilion and
 * dates are fixed by the system.
 */
export type ListingContent = ProductContent;

/** The fields an edit may write; an update names only these, so it can never touch stock, reserved or sold. */
export const EDITABLE_FIELDS = [
  'category', 'title', 'description', 'unit', 'price', 'weightGrams', 'origin', 'producer', 'certificates', 'fulfilment', 'hsCode', 'images',
] as const satisfies readonly (keyof ListingContent)[];

/** A problem with one field, named as the client sent it (`title.zh`, `certificates.0.validUntil`). */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * The highest unit price a listing may ask, in minor units of its pavilion's currency: one unit
 * above what one payment can carry (Stripe's 8 digits) could never be sold. 999,999.99 KGS is
 * about 81,000 CNY; the priciest seeded goods stay well below it.
 */
export const MAX_UNIT_PRICE = MAX_PAYMENT_AMOUNT;

/** Listing images are served by our own origin; anything else (external URLs, `..`) is refused. */
export const IMAGE_PATH = /^\/media\/(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,200}\.(jpg|jpeg|png|webp|svg)$/;
export const MAX_IMAGES = 8;

/** What a manager sees as "on hand": units free to sell plus units held by unpaid checkouts. */
export function onHand(product: Pick<Product, 'stock' | 'reserved'>): number {
  return product.stock + product.reserved;
}

/** Rules the schema cannot know: the pavilion's own currency, real calendar dates, our own image paths. */
export function listingRuleIssues(content: ListingContent, pavilion: Pick<Pavilion, 'currency'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (content.price.currency !== pavilion.currency) {
    issues.push({ field: 'price.currency', message: `the pavilion prices in ${pavilion.currency}` });
  }
  if (content.price.amount < 1 || content.price.amount > MAX_UNIT_PRICE) {
    issues.push({ field: 'price.amount', message: `a price above zero and at most ${MAX_UNIT_PRICE} minor units` });
  }
  content.certificates.forEach((certificate, i) => {
    if (!isCalendarDate(certificate.validUntil)) issues.push({ field: `certificates.${i}.validUntil`, message: 'not a real date' });
  });
  content.images.forEach((image, i) => {
    if (!IMAGE_PATH.test(image)) issues.push({ field: `images.${i}`, message: 'an image uploaded to /media/ (jpg, png or webp)' });
  });
  if (content.images.length > MAX_IMAGES) issues.push({ field: 'images', message: `at most ${MAX_IMAGES} images` });
  return issues;
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function contentOf(product: Product): ListingContent {
  return {
    category: product.category,
    title: product.title,
    description: product.description,
    unit: product.unit,
    price: product.price,
    weightGrams: product.weightGrams,
    origin: product.origin,
    producer: product.producer,
    certificates: product.certificates,
    fulfilment: product.fulfilment,
    hsCode: product.hsCode,
    images: product.images,
  };
}

/** True when writing `next` would change nothing a shopper or the manager can see (re-imports report "unchanged"). */
export function sameContent(current: ListingContent, next: ListingContent): boolean {
  return EDITABLE_FIELDS.every((field) => canonical(current[field]) === canonical(next[field]));
}

/** JSON with sorted object keys, so two equal values compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** A new listing: active, version 1, with the stock the manager counted (0 if none). */
export function newListing(
  pavilion: Pavilion['code'],
  sku: string,
  content: ListingContent,
  now: string,
  initialStock = 0,
): Product {
  return {
    id: productIdFor(pavilion, sku),
    pavilion,
    sku,
    status: 'active',
    ...content,
    stock: initialStock,
    reserved: 0,
    sold: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
