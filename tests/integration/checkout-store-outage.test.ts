import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreOutage } from '../../functions/adapters/dynamodb/client.js';
import { aProduct } from '../fixtures/products.js';
import { startShop, type Shop } from '../support/shop.js';

/**
 * DynamoDB failing us, not the request: throttled, a dropped connection, a 5xx. Under load the SDK
 * retries each a few times and then hands the error on; checkout must answer that as a 503 "try
 * again" with nothing reserved, never as a 500 (the 500-shopper load test once got 32 of them on a
 * loaded CI machine). The failures are made at the SDK's HTTP transport of the shop's real client,
 * below its retries, so what reaches the store is exactly what the SDK gives up with.
 */
type Transport = { handle: (request: { headers: Record<string, string> }, options?: unknown) => Promise<unknown> };
type Failure = (operation: string) => Promise<unknown> | null;

let shop: Shop;
let fail: Failure = () => null;
/** How many more answers of this operation DynamoDB gives (the write done) and the client never gets. */
let lose: { operation: string; answers: number } = { operation: '', answers: 0 };
const attempts: string[] = [];

beforeAll(async () => {
  shop = await startShop();
  const transport = (await shop.table.raw.config.requestHandler) as unknown as Transport;
  const real = transport.handle.bind(transport);
  transport.handle = async (request, options) => {
    const operation = (request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const failure = fail(operation);
    if (failure) {
      attempts.push(operation);
      return failure;
    }
    const answered = await real(request, options);
    if (operation === lose.operation && lose.answers > 0) {
      lose.answers -= 1;
      attempts.push(operation);
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    return answered;
  };
});
afterAll(async () => {
  fail = () => null;
  await shop?.close();
});

/** A product of 5 units and a cart holding `quantity` of them, with no attempts counted yet. */
async function freshCart(quantity: number) {
  const product = aProduct({ stock: 5 });
  await shop.deps.catalogue.putProducts([product]);
  const cartId = await shop.newCart({ [product.id]: quantity });
  attempts.length = 0;
  return { product, cartId };
}

/** What DynamoDB answers with an error: its status and its JSON error body. */
function answer(status: number, type: string) {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `${type} (made by the test)` });
  return Promise.resolve({ response: { statusCode: status, reason: '', headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from(body)]) } });
}

const dropped = () => Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

const OUTAGES: Array<{ name: string; operation: string; failure: () => Promise<unknown>; cause: string }> = [
  { name: 'the reserving transaction’s connection is dropped on every attempt', operation: 'TransactWriteItems', failure: dropped, cause: 'ECONNRESET' },
  { name: 'reads get InternalServerError (HTTP 500) on every attempt', operation: 'GetItem', failure: () => answer(500, 'InternalServerError'), cause: 'InternalServerError' },
  { name: 'reading the catalogue is throttled on every attempt', operation: 'BatchGetItem', failure: () => answer(400, 'ProvisionedThroughputExceededException'), cause: 'ProvisionedThroughputExceededException' },
];

describe('checkout when DynamoDB fails after the SDK’s retries', () => {
  for (const outage of OUTAGES) {
    it(`answers 503 with Retry-After and reserves nothing when ${outage.name}`, async () => {
      const { product, cartId } = await freshCart(1);
      const logged = shop.telemetry.logs.length;

      fail = (operation) => (operation === outage.operation ? outage.failure() : null);
      const answered = await shop.checkout(cartId).finally(() => (fail = () => null));

      // The SDK did retry before giving up: the 503 is not a first-try reflex.
      expect(attempts.length).toBeGreaterThan(1);
      expect({ status: answered.status, type: answered.type, retryAfter: answered.headers.get('retry-after') }).toEqual({
        status: 503,
        type: expect.stringMatching(/^application\/problem\+json/),
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      expect(await shop.units(product.id)).toEqual({ stock: 5, reserved: 0, sold: 0 });
      const since = shop.telemetry.logs.slice(logged);
      expect(since.filter((log) => log.level === 'error')).toEqual([]);
      // Operators still see it: which failure, by the SDK's name or Node's code.
      expect(since.filter((log) => log.message === 'store busy').map((log) => log.fields)).toEqual([
        { method: 'POST', route: '/api/checkout', error: 'StoreUnavailableError', cause: outage.cause },
      ]);

      // Once DynamoDB answers again, the same shopper's same cart checks out.
      const again = await shop.checkout(cartId);
      expect(again.status).toBe(201);
    }, 60_000);
  }
});

describe('a reserving transaction whose answer is lost', () => {
  it('is applied once when the SDK sends it again: it carries an idempotency token (ClientRequestToken) the SDK fills', async () => {
    const { product, cartId } = await freshCart(1);
    lose = { operation: 'TransactWriteItems', answers: 1 };
    const answered = await shop.checkout(cartId);
    expect(attempts).toEqual(['TransactWriteItems']);
    expect(answered.status).toBe(201);
    expect(await shop.units(product.id)).toEqual({ stock: 4, reserved: 1, sold: 0 });
  }, 60_000);

  it('answers 503 when every answer is lost, and the same cart checked out again holds its stock once, not twice', async () => {
    const { product, cartId } = await freshCart(2);
    lose = { operation: 'TransactWriteItems', answers: 100 };
    const lost = await shop.checkout(cartId).finally(() => (lose = { operation: '', answers: 0 }));
    expect(attempts.length).toBeGreaterThan(1);
    expect(lost.status).toBe(503);
    // The write did land (only its answers were lost): the units are held by an order the shopper never heard of.
    expect(await shop.units(product.id)).toEqual({ stock: 3, reserved: 2, sold: 0 });

    const again = await shop.checkout(cartId);
    expect(again.status).toBe(201);
    // Checkout releases the cart's earlier unpaid order before it reserves: 2 units held, not 4.
    expect(await shop.units(product.id)).toEqual({ stock: 3, reserved: 2, sold: 0 });
  }, 60_000);
});

describe('what counts as DynamoDB failing us', () => {
  const sdkError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}), ...extra });

  it('throttling, timeouts, dropped connections and 5xx answers', () => {
    for (const error of [
      sdkError('ProvisionedThroughputExceededException', 400),
      sdkError('ThrottlingException', 400),
      sdkError('RequestLimitExceeded', 400),
      sdkError('TransactionInProgressException', 400),
      sdkError('TimeoutError'),
      sdkError('Error', undefined, { code: 'ECONNRESET' }),
      sdkError('Error', undefined, { code: 'ECONNREFUSED' }),
      sdkError('InternalServerError', 500),
      sdkError('ServiceUnavailable', 503),
    ]) {
      expect(isStoreOutage(error), error.name).toBe(true);
    }
  });

  it('not answers about the request itself, nor aborts or our own bugs', () => {
    for (const error of [
      sdkError('ConditionalCheckFailedException', 400),
      sdkError('TransactionCanceledException', 400),
      sdkError('TransactionConflictException', 400),
      sdkError('ValidationException', 400),
      sdkError('ResourceNotFoundException', 400),
      sdkError('AbortError'),
      new TypeError('Cannot read properties of undefined'),
      null,
      'ECONNRESET',
    ]) {
      expect(isStoreOutage(error)).toBe(false);
    }
  });
});
