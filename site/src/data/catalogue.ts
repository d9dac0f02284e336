import { readFileSync } from 'node:fs';
import type { CatalogueSnapshot, PublicProduct } from '../../../infra/site-build/catalogue-snapshot.js';
import type { PavilionSummary } from '../../../functions/ports/catalogue-store.js';
import { CATEGORIES, type Category } from '../../../functions/domain/catalogue.js';

export type { PublicProduct, PavilionSummary };

/**
 * The catalogue as the table held it at publish time. The pages never talk to AWS: the build
 * pipeline (infra/site-build) writes a JSON snapshot and points CATALOGUE_SNAPSHOT at it.
 */
let cached: CatalogueSnapshot | undefined;

export function catalogue(): CatalogueSnapshot {
  if (cached) return cached;
  const path = process.env.CATALOGUE_SNAPSHOT;
  if (!path) {
    throw new Error(
      'CATALOGUE_SNAPSHOT is not set: the site is built from a catalogue snapshot. ' +
        'Build it with infra/site-build/build-site.ts, or set CATALOGUE_SNAPSHOT=/path/to/snapshot.json.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the catalogue snapshot at ${path}: ${(error as Error).message}`);
  }
  if (!isSnapshot(parsed)) {
    throw new Error(`${path} is not a catalogue snapshot: expected {generatedAt, pavilions: [...], products: [...]}.`);
  }
  // Products of an unknown pavilion would link to a page that does not exist: leave them out.
  const codes = new Set(parsed.pavilions.map((pavilion) => pavilion.code));
  // Newest listed first on every listing, as the API lists them: the snapshot comes pavilion by
  // pavilion, and a category's first page would otherwise always open on the same country.
  const newestFirst = (a: PublicProduct, b: PublicProduct) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
  cached = { ...parsed, products: parsed.products.filter((product) => codes.has(product.pavilion)).sort(newestFirst) };
  return cached;
}

function isSnapshot(value: unknown): value is CatalogueSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.generatedAt === 'string' && Array.isArray(candidate.pavilions) && Array.isArray(candidate.products);
}

export function pavilions(): readonly PavilionSummary[] {
  return catalogue().pavilions;
}

export function products(): readonly PublicProduct[] {
  return catalogue().products;
}

export function pavilionByCode(code: string): PavilionSummary | undefined {
  return pavilions().find((pavilion) => pavilion.code === code);
}

export function productsOfPavilion(code: string): readonly PublicProduct[] {
  return products().filter((product) => product.pavilion === code);
}

export function productsInCategory(category: Category): readonly PublicProduct[] {
  return products().filter((product) => product.category === category);
}

/** Categories that have at least one product, in the catalogue's fixed order, with their counts. */
export function categoriesInUse(list?: readonly PublicProduct[]): { category: Category; count: number }[] {
  // The footer asks on every page: count the whole catalogue once per build.
  if (!list) return (allCategories ??= countCategories(products()));
  return countCategories(list);
}
let allCategories: { category: Category; count: number }[] | undefined;

function countCategories(list: readonly PublicProduct[]): { category: Category; count: number }[] {
  const counts = new Map<Category, number>();
  for (const product of list) counts.set(product.category, (counts.get(product.category) ?? 0) + 1);
  return CATEGORIES.filter((category) => counts.has(category)).map((category) => ({ category, count: counts.get(category)! }));
}

/**
 * A few products for the home page: one per pavilion in turn (in stock first), so every pavilion
 * is represented before any appears twice.
 */
export function featuredProducts(limit = 8): PublicProduct[] {
  const queues = pavilions().map((pavilion) =>
    [...productsOfPavilion(pavilion.code)].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0)),
  );
  const picked: PublicProduct[] = [];
  for (let round = 0; picked.length < limit; round++) {
    const row = queues.map((queue) => queue[round]).filter((product): product is PublicProduct => product !== undefined);
    if (row.length === 0) break;
    picked.push(...row.slice(0, limit - picked.length));
  }
  return picked;
}
