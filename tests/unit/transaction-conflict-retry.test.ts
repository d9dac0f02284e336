import { DynamoDBClient, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { withConflictRetry } from '../../functions/adapters/dynamodb/conflict-retry.js';
import { errorHandler } from '../../functions/http/problem.js';
import { StoreBusyError } from '../../functions/ports/store-busy.js';
import { DynamoCartStore } from '../../functions/adapters/dynamodb/cart-store.js';
import { DynamoCatalogueStore, productItem } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { DynamoListingStore } from '../../functions/adapters/dynamodb/listing-store.js';
import { DynamoPavilionOrdersStore } from '../../functions/adapters/dynamodb/pavilion-orders-store.js';
import { emptyCart, setLineQuantity } from '../../functions/domain/cart.js';
import { contentOf } from '../../functions/domain/listing.js';
import { aProduct } from '../fixtures/products.js';

/**
 * AWS refuses a single write to an item that a running transaction holds (TransactionConflictException);
 * DynamoDB Local never does, so these stores are driven by a stand-in client that raises it once.
 */
type Command = GetCommand | PutCommand | UpdateCommand | { constructor: { name: string }; input: Record<string, unknown> };

function clientConflictingOnce(
  conflictOn: (command: Command) => boolean,
  answer: (command: Command) => unknown = () => ({}),
  conflict: () => Error = () => new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: {} }),
) {
  const sent: string[] = [];
  let conflicts = 0;
  // A real client (the SDK's paginators insist on one) whose send never leaves the process.
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
  doc.send = (async (command: Command) => {
    sent.push(command.constructor.name);
    if (conflicts === 0 && conflictOn(command)) {
      conflicts += 1;
      throw conflict();
    }
    return answer(command);
  }) as never;
  return { doc, sent, conflicts: () => conflicts };
}

const isUpdate = (command: Command) => command instanceof UpdateCommand;
const isPut = (command: Command) => command instanceof PutCommand;
const isTransaction = (command: Command) => command instanceof TransactWriteCommand;

describe('single writes that can meet a checkout transaction on AWS', () => {
  it('a listing edit retries a TransactionConflict on the product item and is saved', async () => {
    const product = aProduct();
    const client = clientConflictingOnce(isUpdate, (command) =>
      command instanceof GetCommand ? { Item: productItem(product) } : { Attributes: productItem({ ...product, version: 2 }) },
    );
    const store = new DynamoListingStore(client.doc, 'table');
    const saved = await store.update(product.id, 'KG', 1, contentOf(product), '2026-02-01T00:00:00.000Z');
    expect(saved.version).toBe(2);
    expect(client.conflicts()).toBe(1);
    expect(client.sent.filter((name) => name === 'UpdateCommand')).toHaveLength(2);
  });

  it('a bulk creation retries a conflict on a new listing and on the pavilion’s product count', async () => {
    for (const conflictOn of [isPut, isUpdate]) {
      const client = clientConflictingOnce(conflictOn);
      const store = new DynamoListingStore(client.doc, 'table');
      const result = await store.createMany('KG', [aProduct(), aProduct()]);
      expect(result.created).toHaveLength(2);
      expect(client.conflicts()).toBe(1);
    }
  });

  it('an import row’s content change retries a conflict on the product item', async () => {
    const product = aProduct();
    const client = clientConflictingOnce(isUpdate);
    const store = new DynamoListingStore(client.doc, 'table');
    await store.applyImportChange({
      id: product.id, pavilion: 'KG', seen: product, content: { ...contentOf(product), price: { amount: 1, currency: 'KGS' } }, by: 'manager', at: '2026-02-01T00:00:00.000Z',
    });
    expect(client.conflicts()).toBe(1);
    expect(client.sent.filter((name) => name === 'UpdateCommand')).toHaveLength(2);
  });

  it('a cart change, a cart visit and a new cart retry a conflict on the cart item', async () => {
    const cart = setLineQuantity(emptyCart('c'.repeat(22), '2026-02-01T00:00:00.000Z'), 'kg-honey', 1, '2026-02-01T00:00:00.000Z');
    for (const [conflictOn, write] of [
      [isUpdate, (store: DynamoCartStore) => store.save(cart, 0)],
      [isUpdate, (store: DynamoCartStore) => store.touch(cart.id, new Date('2026-02-03T00:00:00.000Z'))],
      [isPut, (store: DynamoCartStore) => store.create(cart)],
    ] as const) {
      const client = clientConflictingOnce(conflictOn);
      await write(new DynamoCartStore(client.doc, 'table'));
      expect(client.conflicts()).toBe(1);
    }
  });

  it('a product recount and a shipment retry a conflict on their item', async () => {
    const recount = clientConflictingOnce(isUpdate, () => ({ Count: 3 }));
    expect(await new DynamoCatalogueStore(recount.doc, 'table').recountProducts('KG')).toBe(3);
    expect(recount.conflicts()).toBe(1);

    // A shipment is one transaction with the shopper's mail; AWS cancels it with TransactionConflict when a payment holds the line.
    const shipping = clientConflictingOnce(
      isTransaction,
      () => ({ Item: { orderId: 'ORD-1', lineNo: 1, pavilion: 'KG', fulfilment: 'shipped' } }),
      () => new TransactionCanceledException({ message: 'Transaction cancelled', CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }], $metadata: {} }),
    );
    const line = await new DynamoPavilionOrdersStore(shipping.doc, 'table').markShipped({
      orderId: 'ORD-1', lineNo: 1, pavilion: 'KG', carrier: 'EMS', trackingNumber: 'EA123456789KG', shippedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(line.fulfilment).toBe('shipped');
    expect(shipping.conflicts()).toBe(1);
  });
});

describe('a write that keeps colliding', () => {
  it('keeps trying for at least 12 attempts and 6 s, then answers StoreBusyError (503 with Retry-After), never the raw conflict', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const forever = withConflictRetry(async () => {
        attempts += 1;
        throw new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: {} });
      });
      const settled = forever.then(
        () => 'written',
        (error: unknown) => error,
      );
      await vi.advanceTimersByTimeAsync(5_900);
      expect(attempts).toBeGreaterThanOrEqual(12);
      await vi.advanceTimersByTimeAsync(2_000);
      const error = await settled;
      expect(error).toBeInstanceOf(StoreBusyError);
      expect((error as StoreBusyError).cause).toBeInstanceOf(TransactionConflictException);

      const response = errorHandler(() => undefined)(error as Error, {} as never);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries a transaction AWS cancelled for throttling a hot item, as it does a conflict', async () => {
    let attempts = 0;
    const throttled = new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }] });
    const written = await withConflictRetry(async () => {
      attempts += 1;
      if (attempts < 3) throw throttled;
      return 'written';
    });
    expect({ written, attempts }).toEqual({ written: 'written', attempts: 3 });
  });

  it('gives up at once on a condition that failed: that is an answer, not a collision', async () => {
    let attempts = 0;
    const failed = new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }] });
    await expect(withConflictRetry(async () => { attempts += 1; throw failed; })).rejects.toBe(failed);
    expect(attempts).toBe(1);
  });
});
