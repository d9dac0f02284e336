/**
 * Pagefind's browser API (its bundle at /pagefind/, written by infra/site-build/search-index.ts),
 * loaded on first use only: the search page loads it at once, the header's search box when the
 * shopper focuses it or types. No page imports it up front, so a product page carries none of it.
 */
export interface PagefindHit {
  readonly url: string;
  /** search-records.ts: title, image, pavilion, flag, amount, currency. */
  readonly meta: Readonly<Record<string, string | undefined>>;
}

export interface PagefindResult {
  readonly id: string;
  data(): Promise<PagefindHit>;
}

export type FilterCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface PagefindResponse {
  readonly results: readonly PagefindResult[];
  readonly unfilteredResultCount: number;
  /** Per facet and value: how many results a search would have with that value too. */
  readonly filters: FilterCounts;
  readonly totalFilters: FilterCounts;
}

export interface SearchOptions {
  readonly filters?: Record<string, { any: string[] }>;
  readonly sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** A null term searches by filters alone. */
  search(term: string | null, options?: SearchOptions): Promise<PagefindResponse>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/** Where the bundle is; kept in a variable so the site's bundler leaves the import to the browser. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>)
    .then(async (pagefind) => {
      // Pagefind picks the index of the page's language from <html lang> (zh-CN, ru, en).
      await pagefind.options({ excerptLength: 16 });
      await pagefind.init();
      return pagefind;
    })
    .catch((error: unknown) => {
      // A failed load (offline, a deploy in progress) may be retried on the next use.
      loading = undefined;
      throw error;
    });
  return loading;
}
