import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';

/**
 * A kept-alive connection stays usable after the store answers before reading a body (issue 14,
 * item 13): the next request on the same socket gets its answer, not a reset. Before the fix in
 * infra/local/http-server.ts each of these follow-ups failed with ECONNRESET after 500 ms.
 */
let stack: LocalStack;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, site: false });
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await stack?.stop();
});

const json = { 'content-type': 'application/json' };
const bigJson = Buffer.from(JSON.stringify({ email: 'a'.repeat(1_500_000) }));

const EARLY_ANSWERS: Array<{ name: string; method: string; path: string; status: number; headers: Record<string, string>; chunks: Buffer[] }> = [
  { name: 'a declared 1.5 MB body refused by its length', method: 'POST', path: '/api/carts', status: 413, headers: json, chunks: [bigJson] },
  {
    name: 'a chunked 1.5 MB body refused part-way',
    method: 'POST',
    path: '/api/checkout',
    status: 413,
    headers: { ...json, 'transfer-encoding': 'chunked' },
    chunks: [bigJson.subarray(0, 500_000), bigJson.subarray(500_000)],
  },
  { name: 'a 300 kB body of the wrong type', method: 'POST', path: '/api/checkout', status: 415, headers: { 'content-type': 'text/plain' }, chunks: [bigJson.subarray(0, 300_000)] },
  { name: 'a 1.5 MB body without the sign-in it needs', method: 'POST', path: '/api/pavilion/listings', status: 401, headers: json, chunks: [bigJson] },
  {
    name: 'a 1.5 MB body after Expect: 100-continue',
    method: 'PUT',
    path: '/api/carts/x/lines/y',
    status: 413,
    headers: { ...json, 'content-length': String(bigJson.length), expect: '100-continue' },
    chunks: [bigJson],
  },
];

describe('kept-alive connections', () => {
  for (const early of EARLY_ANSWERS) {
    it(`serves the next request on the same socket after ${early.name}`, async () => {
      const first = await send(early.method, early.path, early.headers, early.chunks);
      expect(first.status).toBe(early.status);
      expect(first.type).toMatch(/^application\/problem\+json/);
      const next = await send('GET', '/api/rates', {}, []);
      expect(next).toMatchObject({ status: 200, reusedSocket: true });
    });
  }

  it('serves a request on a socket left idle for 6 s, longer than Node’s default keep-alive of 5 s', async () => {
    expect((await send('GET', '/api/rates', {}, [])).status).toBe(200);
    // Node's http.Agent keeps an idle socket however long; a server that closes it first resets the next request.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await send('GET', '/api/rates', {}, [])).toMatchObject({ status: 200, reusedSocket: true });
  });
});

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly reusedSocket: boolean;
}

/** One request over the shared one-socket keep-alive agent; a dropped connection rejects. */
function send(method: string, path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${stack.url}${path}`, { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    const writeBody = () => {
      for (const chunk of chunks) req.write(chunk);
      req.end();
    };
    if (headers.expect) {
      req.on('continue', writeBody);
      req.flushHeaders();
    } else writeBody();
  });
}
