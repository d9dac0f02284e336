import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_FREIGHT_RATES } from '../../functions/domain/freight.js';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { aListingBody, anEdit } from '../http/pavilion-testbed.js';

/**
 * The local store rebuilds its site by the rule the stream handler applies in AWS
 * (functions/domain/publishing.ts): what the pages show changed, or nothing is rebuilt.
 * The runner says so in its log before the (debounced) rebuild.
 */
let stack: LocalStack;
const log: string[] = [];
let token: string;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, site: false, log: (message) => log.push(message) });
  token = await stack.signToken('KG');
}, 120_000);

afterAll(() => stack?.stop());

async function call(method: string, path: string, json: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The log lines a step adds. */
async function linesOf(step: () => Promise<void>): Promise<string[]> {
  const from = log.length;
  await step();
  return log.slice(from).filter((line) => line.startsWith('Pages changed'));
}

it('rebuilds the local site for a new listing, a title edit and new freight rates, never for a stock change', async () => {
  let id = '';
  expect(
    await linesOf(async () => {
      const created = await call('POST', '/api/pavilion/listings', aListingBody({ sku: 'REPUBLISH-1' }));
      expect(created.status).toBe(201);
      id = created.body.id;
    }),
  ).toEqual([`Pages changed (listing ${id}).`]);

  expect(
    await linesOf(async () => {
      expect((await call('POST', `/api/pavilion/listings/${id}/stock`, { delta: 5, reason: 'restock' })).status).toBe(200);
      expect((await call('POST', `/api/pavilion/listings/${id}/stock`, { onHand: 3, reason: 'count' })).status).toBe(200);
    }),
  ).toEqual([]);

  expect(
    await linesOf(async () => {
      const edited = await call('PUT', `/api/pavilion/listings/${id}`, anEdit(1, { title: { zh: '白蜜', ru: 'Белый мёд', en: 'White honey' } }));
      expect(edited.status).toBe(200);
    }),
  ).toEqual([`Pages changed (listing ${id}).`]);

  expect(
    await linesOf(async () => {
      const rates = { ...DEFAULT_FREIGHT_RATES, direct_rail: { firstKg: { amount: 23_00, currency: 'CNY' }, extraKg: { amount: 9_00, currency: 'CNY' } } };
      expect((await call('PUT', '/api/pavilion/freight', rates)).status).toBe(200);
    }),
  ).toEqual(['Pages changed (pavilion KG).']);
});
