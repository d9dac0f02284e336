// Apart from schemas/page.ts (classic zod, for the routes' query schemas) so the catalogue's function can page without it.

/** A page as every list answers it: its items as the caller may see them, and the next page's cursor (null on the last). */
export function pageOf<T, U>(page: { readonly items: readonly T[]; readonly nextCursor: string | null }, view: (item: T) => U): { items: U[]; nextCursor: string | null } {
  return { items: page.items.map((item) => view(item)), nextCursor: page.nextCursor };
}
