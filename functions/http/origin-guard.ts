import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

/** The header CloudFront adds to every /api/* request it forwards (infra/constructs/static-site.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** The function's environment variable holding the value CloudFront sends (infra/stacks/stateless-stack.ts); unset locally. */
export const ORIGIN_VERIFY_ENV = 'ORIGIN_VERIFY';

/**
 * Refuses requests that did not come through CloudFront: in AWS the HTTP API's own execute-api
 * address is public, and a request sent there straight would skip the web ACL (rate limits, the
 * common rule set). CloudFront adds a secret header; without it, or with a wrong value, the answer
 * is 403 problem+json before any app runs. Active only when the expected value is configured: the
 * local server (`npm start`) sets none, so nothing changes there.
 */
export function originGuard(expected: string | undefined = process.env[ORIGIN_VERIFY_ENV]): MiddlewareHandler {
  if (!expected) return (_c, next) => next();
  const expectedDigest = digest(expected);
  return async (c, next) => {
    const sent = c.req.header(ORIGIN_VERIFY_HEADER);
    if (sent === undefined || !timingSafeEqual(digest(sent), expectedDigest)) {
      return problem(403, 'Not through the shop’s address', { detail: 'Call the API at the shop’s own address (/api/ on the site), not the API Gateway endpoint.' });
    }
    await next();
  };
}

/** Equal-length digests, so the comparison takes the same time whatever was sent and however long. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
