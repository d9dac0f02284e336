import type { CertificateKind, FulfilmentMode } from '../../../../functions/domain/catalogue.js';

/**
 * What the search page filters and sorts on, shared by the index (infra/site-build/search-records.ts
 * writes each product's filter values and sort keys) and the page (reads them back from the URL and
 * asks Pagefind). Filter values are codes, the same in every language; the page labels them.
 */

/** The facets, in the order the search page shows them; each is a Pagefind filter and a URL parameter. */
export const FACETS = ['pavilion', 'category', 'certificate', 'fulfilment', 'price'] as const;
export type Facet = (typeof FACETS)[number];

/** The certificates shoppers filter by (a listing may carry others: GI, ISO 22000…). */
export const SEARCH_CERTIFICATES = ['gacc', 'halal', 'organic', 'eac'] as const satisfies readonly CertificateKind[];

export const FULFILMENT_MODES = ['bonded_warehouse', 'direct_rail', 'direct_air'] as const satisfies readonly FulfilmentMode[];

/**
 * Price bands in yuan, by their lower bound: [0, 50), [50, 100), … [1000, ∞). A product's band comes
 * from its price in CNY at the build's exchange rates (the same figure the static pages show).
 */
export const PRICE_BAND_FLOORS_CNY = [0, 50, 100, 200, 500, 1000] as const;

/** The band's id ("50-100", "1000-") of an amount in fen (CNY minor units). */
export function priceBand(fen: number): string {
  const yuan = fen / 100;
  let index = 0;
  while (index + 1 < PRICE_BAND_FLOORS_CNY.length && yuan >= PRICE_BAND_FLOORS_CNY[index + 1]!) index++;
  const floor = PRICE_BAND_FLOORS_CNY[index]!;
  const ceiling = PRICE_BAND_FLOORS_CNY[index + 1];
  return `${floor}-${ceiling ?? ''}`;
}

/** Every band id, cheapest first. */
export const PRICE_BANDS: readonly string[] = PRICE_BAND_FLOORS_CNY.map((floor) => priceBand(floor * 100));

/** The bounds of a band id in yuan (`to` null for the last, open one). */
export function bandBounds(band: string): { from: number; to: number | null } | null {
  const match = /^(\d+)-(\d*)$/.exec(band);
  if (!match || !PRICE_BANDS.includes(band)) return null;
  return { from: Number(match[1]), to: match[2] ? Number(match[2]) : null };
}

/** Pagefind sort keys (each record carries them as zero-padded digits, so text order is number order). */
export const SORT_KEYS = { newest: 'created', price: 'price' } as const;
export const SORTS = ['relevance', 'newest', 'price-asc', 'price-desc'] as const;
export type Sort = (typeof SORTS)[number];

/** A sort key's value: digits padded to a fixed width, so Pagefind orders them the same as numbers or as text. */
export function sortValue(value: number): string {
  return String(Math.max(0, Math.floor(value))).padStart(15, '0');
}

export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> {
  switch (sort) {
    case 'newest':
      return { [SORT_KEYS.newest]: 'desc' };
    case 'price-asc':
      return { [SORT_KEYS.price]: 'asc' };
    case 'price-desc':
      return { [SORT_KEYS.price]: 'desc' };
    default:
      return {};
  }
}

/** What a search page URL asks for: /zh/search/?q=蜂蜜&pavilion=KG&price=50-100&sort=price-asc. */
export interface SearchQuery {
  readonly q: string;
  readonly filters: Readonly<Record<Facet, readonly string[]>>;
  readonly sort: Sort;
}

export function readSearchQuery(params: URLSearchParams): SearchQuery {
  const filters = Object.fromEntries(
    FACETS.map((facet) => [facet, [...new Set(params.getAll(facet).filter((value) => value !== '' && value.length <= 40))]]),
  ) as Record<Facet, string[]>;
  const sort = params.get('sort') ?? 'relevance';
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'relevance',
  };
}

export function searchQueryParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const facet of FACETS) for (const value of query.filters[facet]) params.append(facet, value);
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  return params;
}

/** Pagefind's filter object: any of the ticked values within a facet, every facet that has one. */
export function pagefindFilters(query: SearchQuery): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const facet of FACETS) if (query.filters[facet].length > 0) filters[facet] = { any: [...query.filters[facet]] };
  return filters;
}

export function hasFilters(query: SearchQuery): boolean {
  return FACETS.some((facet) => query.filters[facet].length > 0);
}
