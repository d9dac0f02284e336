import { z } from '@hono/zod-openapi';

/**
 * The paging of every list (the catalogue, a pavilion's listings and its orders): a limit, and the
 * opaque cursor the previous page gave. A cursor made for another list, or tampered with, is a 400
 * (problem.ts errorHandler), never a 500.
 */
export const CursorQuery = z.string().max(1024).optional().openapi({ description: 'nextCursor of the previous page' });

export const pageLimit = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback).openapi({ type: 'integer', example: fallback });
