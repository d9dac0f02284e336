/**
 * Listings (a category, a category in one pavilion, a pavilion) are cut into static pages of
 * PRODUCTS_PER_PAGE: /zh/categories/honey/, /zh/categories/honey/page/2/, … (i18n/paths.ts), so
 * an expo-sized catalogue never puts hundreds of cards on one page and no page needs JavaScript.
 */
export const PRODUCTS_PER_PAGE = 24;

export function pageCount(total: number, perPage = PRODUCTS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The items of page `page` (1-based). */
export function pageOf<Item>(list: readonly Item[], page: number, perPage = PRODUCTS_PER_PAGE): readonly Item[] {
  return list.slice((page - 1) * perPage, page * perPage);
}

/** 1, 2, …, pageCount. */
export function pageNumbers(total: number, perPage = PRODUCTS_PER_PAGE): number[] {
  return Array.from({ length: pageCount(total, perPage) }, (_, index) => index + 1);
}

/** The rest parameter of a listing route for page `page`: undefined for page 1, `page/2` after. */
export function pageParam(page: number): string | undefined {
  return page > 1 ? `page/${page}` : undefined;
}

/**
 * The page links a pager shows: the first and last pages, the current one with a neighbour on each
 * side, and null where a run of pages is left out ([1, null, 6, 7, 8, null, 35]).
 */
export function pagerPages(current: number, count: number): (number | null)[] {
  const shown = new Set([1, count, current - 1, current, current + 1].filter((page) => page >= 1 && page <= count));
  // A gap of one page is shown as that page rather than as an ellipsis.
  for (const page of [2, count - 1]) if (shown.has(page - 1) && shown.has(page + 1)) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const withGaps: (number | null)[] = [];
  pages.forEach((page, index) => {
    if (index > 0 && page - pages[index - 1]! > 1) withGaps.push(null);
    withGaps.push(page);
  });
  return withGaps;
}
