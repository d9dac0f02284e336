import { z } from '@hono/zod-openapi';
import { PROBLEM_MEDIA_TYPE } from './problem.js';

/*
 * The problem shape as the OpenAPI document describes it. It lives apart from problem.ts, which answers
 * problems at run time, so that a function can answer them without bundling classic zod (the catalogue's).
 */

export const ProblemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .openapi('Problem');

/** OpenAPI response entries for the errors a route can give. */
export function problemResponses(...statuses: number[]) {
  const described: Record<number, string> = {
    400: 'Bad input', 401: 'No valid token', 403: 'Not yours', 404: 'Not found', 409: 'Conflict with the current state',
    413: 'Body too large', 415: 'Wrong content type', 422: 'Understood but refused', 429: 'Too many at once (Retry-After says when to try again)', 502: 'Payment provider failed',
    503: 'Not available now (exchange rates out of date, or too many shoppers writing to the same goods at once: Retry-After says when to try again)',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: described[status] ?? 'Problem', content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } } },
    ]),
  );
}

