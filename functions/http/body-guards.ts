import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './problem.js';

/**
 * Guards for routes that read a body: a body must say it is JSON (415 otherwise) and stay under
 * `maxBytes` (413), checked before anything is parsed, so oversized or mistyped input changes nothing.
 */
export function jsonBodyGuard(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => problem(413, 'The body is too large', { detail: `This endpoint takes at most ${maxBytes} bytes.` }),
  });
  return async (c, next) => {
    if (!hasBody(c.req.raw)) return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return problem(415, 'The body must be JSON', { detail: 'Send the body as Content-Type: application/json.' });
    }
    return limit(c, next);
  };
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return length !== '0';
  return request.body !== null;
}
