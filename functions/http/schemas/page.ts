import { z } from '@hono/zod-openapi';

/**
 * The paging of every list (the catalogue, a pavilion's listings and its orders): a limit, and the
 * opaque cursor the previous page gave. A cursor made for another list, or tampered with, is a 400
 * (problem.ts errorHandler), never a 500.
 */
export const CursorQuery = z.string().max(1024).optional().openapi({ description: 'nextCursor of the previous page' });

export const pageLimit = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback).openapi({ type: 'integer', example: fallback });

/** A page as every list answers it: its items as the caller may see them, and the next page's cursor (null on the last). */
export function pageOf<T, U>(page: { readonly items: readonly T[]; readonly nextCursor: string | null }, view: (item: T) => U): { items: U[]; nextCursor: string | null } {
  return { items: page.items.map((item) => view(item)), nextCursor: page.nextCursor };
}
