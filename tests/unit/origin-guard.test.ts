import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountApi } from '../../functions/http/api-root.js';
import { ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER, originGuard } from '../../functions/http/origin-guard.js';

const SECRET = 'b7Qm2x9KpL4rT8vW1zN6cY3hJ5gF0dSa';

function appGuardedBy(expected: string | undefined) {
  const app = new Hono();
  app.use('/api/*', originGuard(expected));
  app.get('/api/pavilions', (c) => c.json({ items: [] }));
  app.post('/api/webhooks/stripe', (c) => c.json({ received: true }));
  return app;
}

describe('the origin guard (requests must come through CloudFront)', () => {
  const app = appGuardedBy(SECRET);

  it('lets a request with the secret header through', async () => {
    const res = await app.request('/api/pavilions', { headers: { [ORIGIN_VERIFY_HEADER]: SECRET } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
  });

  it('answers 403 problem+json without the header, and the route never runs', async () => {
    const res = await app.request('/api/webhooks/stripe', { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 403, title: expect.any(String), detail: expect.stringContaining('/api/') });
  });

  it.each([
    ['a wrong value of the same length', `${SECRET.slice(0, -1)}x`],
    ['a prefix of the value', SECRET.slice(0, 8)],
    ['the value with more after it', `${SECRET}x`],
    ['an empty value', ''],
    ['the value in other case', SECRET.toUpperCase()],
  ])('answers 403 for %s', async (_, sent) => {
    const res = await app.request('/api/pavilions', { headers: { [ORIGIN_VERIFY_HEADER]: sent } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('does nothing where no value is configured (the local server), header or not', async () => {
    const local = appGuardedBy(undefined);
    expect((await local.request('/api/pavilions')).status).toBe(200);
    expect((await local.request('/api/pavilions', { headers: { [ORIGIN_VERIFY_HEADER]: 'anything' } })).status).toBe(200);
    expect((await appGuardedBy('').request('/api/pavilions')).status).toBe(200);
  });
});

describe('every Lambda’s API root (http/api-root.ts mountApi)', () => {
  it('guards every /api route once the function’s environment has the value', async () => {
    const before = process.env[ORIGIN_VERIFY_ENV];
    process.env[ORIGIN_VERIFY_ENV] = SECRET;
    try {
      const inner = new Hono();
      inner.get('/pavilions', (c) => c.json({ items: [] }));
      const root = mountApi(() => undefined, [inner]);
      expect((await root.request('/api/pavilions')).status).toBe(403);
      expect((await root.request('/api/pavilions', { headers: { [ORIGIN_VERIFY_HEADER]: SECRET } })).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env[ORIGIN_VERIFY_ENV];
      else process.env[ORIGIN_VERIFY_ENV] = before;
    }
  });
});
