import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { recordDynamoCalls, type RecordedDynamoCall } from '../support/consumed-capacity.js';
import { checkoutDetails, startShop, type Shop } from '../support/shop.js';

/**
 * What a cart line PUT and a checkout send to DynamoDB, command by command, so that a read added
 * back shows here (BENCHMARKS.md, "DynamoDB: consumed capacity per request", measures the same two).
 *
 * A line PUT: the cart (consistent), the exchange rates and the product to check are read in one
 * round trip; the answer is priced from that same read of the product (5 reads in 3 round trips before:
 * the product was read again to price it), the cart's other products and the pavilions' freight rates
 * in one BatchGetItem; one UpdateItem saves.
 *
 * A checkout (12 commands before, GetItem ×7 and a Query of every pavilion among them): the cart and
 * the rates; the products; their pavilions in one BatchGetItem, which carry both the freight rates and
 * the suspension (so no Query of every pavilion); the buyer's yearly count; both unpaid-order holders in
 * one BatchGetItem; a first-time shopper's two holder items created; the reserving transaction; the
 * payment session attached.
 */
let shop: Shop;
let recorder: ReturnType<typeof recordDynamoCalls>;

const honey = aProduct({ stock: 50 });
const jam = aProduct({ stock: 50, category: 'jam' });
const ruHoney = aProduct({ pavilion: 'RU', stock: 50, price: { amount: 45_000, currency: 'RUB' } });
/** Enough pavilions that reading all of them would show in the read units. */
const others = ['KZ', 'UZ', 'TJ', 'CN', 'IN', 'PK', 'BY', 'IR'].map((code) => aPavilion({ code }));

beforeAll(async () => {
  shop = await startShop({ pavilions: [aPavilion(), aPavilion({ code: 'RU', currency: 'RUB' }), ...others], products: [honey, jam, ruHoney] });
  recorder = recordDynamoCalls(shop.table.doc);
});
afterAll(async () => shop?.close());

async function measure(method: string, path: string, body?: unknown) {
  recorder.reset();
  const answer = await shop.call(method, path, body);
  const calls = [...recorder.calls];
  return { answer, calls, commands: commandsOf(calls), readUnits: calls.reduce((sum, call) => sum + call.readUnits, 0) };
}

/** The commands sent, sorted, each with its count: `GetItem ×3`. */
function commandsOf(calls: readonly RecordedDynamoCall[]): string[] {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.command, (counts.get(call.command) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([command, count]) => (count > 1 ? `${command} ×${count}` : command));
}

describe('a cart line PUT', () => {
  it('adds a product to an empty cart with 4 reads in 2 round trips and one write', async () => {
    const cartId = await shop.newCart();
    const { answer, calls, commands, readUnits } = await measure('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 2 });
    expect(answer.status).toBe(200);
    expect(commands).toEqual(['BatchGetItem', 'GetItem ×3', 'UpdateItem']);
    expect(calls.every((call) => !call.filter)).toBe(true);
    // Three small eventually consistent reads (0.5 each) and the cart read consistently (1).
    expect(readUnits).toBeLessThanOrEqual(2.5);
  });

  it('removes a line without checking the product', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1, [jam.id]: 1 });
    const { answer, commands } = await measure('PUT', `/api/carts/${cartId}/lines/${jam.id}`, { quantity: 0 });
    expect(answer.status).toBe(200);
    // The cart, the rates, the remaining product, its pavilion.
    expect(commands).toEqual(['BatchGetItem', 'GetItem ×3', 'UpdateItem']);
  });
});

describe('a checkout', () => {
  it('of a first-time shopper: 4 GetItems and 2 BatchGetItems, no Query, and its writes', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const { answer, calls, commands, readUnits } = await measure('POST', '/api/checkout', { ...checkoutDetails(), cartId });
    expect(answer.status).toBe(201);
    expect(commands).toEqual(['BatchGetItem ×2', 'GetItem ×4', 'PutItem ×2', 'TransactWriteItems', 'UpdateItem']);
    expect(calls.every((call) => !call.filter)).toBe(true);
    // Measured 5 before (the Query of 10 pavilions among them): 3 small reads (0.5), the cart, the yearly count and the two absent holders consistent (1 each).
    expect(readUnits).toBeLessThanOrEqual(5.5);
    expect(readUnits).toBeGreaterThan(0);
  });

  it('of a returning shopper over two pavilions: the holders exist, nothing is created', async () => {
    const details = checkoutDetails();
    expect((await shop.call('POST', '/api/checkout', { ...details, cartId: await shop.newCart({ [jam.id]: 1 }) })).status).toBe(201);
    const cartId = await shop.newCart({ [honey.id]: 1, [ruHoney.id]: 1 });
    const { answer, commands } = await measure('POST', '/api/checkout', { ...details, cartId });
    expect(answer.status).toBe(201);
    // The cart, the rates, 2 products, the yearly count; 2 pavilions in one batch, both holders in another.
    expect(commands).toEqual(['BatchGetItem ×2', 'GetItem ×5', 'TransactWriteItems', 'UpdateItem']);
  });

  it('still refuses a suspended pavilion’s line, found on the pavilion item the quote read', async () => {
    const rug = aProduct({ pavilion: 'UZ', stock: 5, price: { amount: 45_000_000, currency: 'UZS' } });
    await shop.deps.catalogue.putProducts([rug]);
    const cartId = await shop.newCart({ [honey.id]: 1, [rug.id]: 1 });
    await shop.deps.catalogue.putPavilion({ ...aPavilion({ code: 'UZ' }), suspension: { at: new Date().toISOString(), by: 'test-operator', reason: 'licence lapsed' } });
    const before = await shop.units(rug.id);
    const { answer, calls } = await measure('POST', '/api/checkout', { ...checkoutDetails(), cartId });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ reason: 'lines_refused', lines: [{ productId: rug.id, reason: 'unavailable' }] });
    expect(calls.map((call) => call.command)).not.toContain('Query');
    expect(calls.map((call) => call.command)).not.toContain('TransactWriteItems');
    expect(await shop.units(rug.id)).toEqual(before);
  });
});
