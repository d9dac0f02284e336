import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoListingKeyStore } from '../../functions/adapters/dynamodb/listing-key-store.js';
import { DynamoPavilionOrdersStore } from '../../functions/adapters/dynamodb/pavilion-orders-store.js';
import type { OrderLine } from '../../functions/domain/order.js';
import { backfillListingKeys } from '../../functions/usecases/backfill-listing-keys.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { QINGDAO_SHIP_TO } from '../http/pavilion-testbed.js';
import { recordDynamoCalls } from '../support/consumed-capacity.js';
import { eventually, startShop, type Shop } from '../support/shop.js';
import { createTestTable } from '../support/table.js';

/**
 * The pavilion workspace's order queue reads one page per request, whatever the pavilion shipped
 * before (issue 13, "no FilterExpression on a request path, and no loop that reads until a page is
 * full"). Kyrgyzstan shipped 300 lines and has 2 left to ship, its oldest: filtering its whole
 * queue (GSI1) by fulfilment read all 302 lines to find them. Each filter now has its own partition
 * (GSI2, functions/adapters/dynamodb/keys.ts), moved in the same write that changes a line's
 * fulfilment, and the backfill gives it to lines paid before it.
 */
const SHIPPED = 300;
const order = (n: number) => `ORD-${String(n).padStart(16, '0')}`;
/** Paid a minute apart from New Year 2026 on: line n is newer than line n - 1. */
const paidAt = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

/** A paid KG line as checkout writes it (domain/order.ts contract), shipped or not as asked. */
function paidLine(n: number, fulfilment: OrderLine['fulfilment'], pavilion: OrderLine['pavilion'] = 'KG'): OrderLine {
  return {
    orderId: order(n), lineNo: 1, productId: `${pavilion.toLowerCase()}-honey`, pavilion, sku: 'HONEY',
    title: { zh: '蜂蜜', ru: 'Мёд', en: 'Honey' },
    quantity: 2, unitPrice: { amount: 65_000, currency: 'KGS' }, chargedUnitPrice: { amount: 5_400, currency: 'CNY' },
    hsCode: '0409000000', vatBp: 900, consumptionTaxBp: 0, weightGrams: 560, fulfilmentMode: 'direct_rail',
    unitPriceCny: { amount: 5_400, currency: 'CNY' }, goodsCny: { amount: 10_800, currency: 'CNY' }, freightCny: { amount: 2_800, currency: 'CNY' },
    dutiableCny: { amount: 13_600, currency: 'CNY' }, taxCny: { amount: 857, currency: 'CNY' },
    shipTo: QINGDAO_SHIP_TO,
    fulfilment,
    paidAt: paidAt(n),
    ...(fulfilment === 'shipped' ? { carrier: 'China Post', trackingNumber: `EE${String(n).padStart(9, '0')}CN`, shippedAt: paidAt(n + 1) } : {}),
  };
}

/** The line's item with every entry a paid line carries (keys.pavilionQueueEntry), or (`stale`) without the fulfilment queue's, as written before it. */
function lineItem(line: OrderLine, { stale = false } = {}): Record<string, unknown> {
  const item: Record<string, unknown> = { ...keys.orderLine(line.orderId, line.lineNo), ...keys.pavilionQueueEntry(line, line.paidAt!), type: 'order_line', ...line };
  if (stale) for (const name of Object.keys(keys.fulfilmentQueueEntry(line, line.paidAt!))) delete item[name];
  return item;
}

async function putAll(table: { doc: Shop['table']['doc']; tableName: string }, items: readonly Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    const { UnprocessedItems } = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: batch } }));
    expect(UnprocessedItems?.[table.tableName] ?? []).toEqual([]);
  }
}

let shop: Shop;
let tokens: { KG: string; RU: string };
let recorder: ReturnType<typeof recordDynamoCalls>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Lines 1 and 2 are left to ship, the oldest; lines 3 to 302 shipped. */
const kgLines = [paidLine(1, 'to_ship'), paidLine(2, 'to_ship'), ...Array.from({ length: SHIPPED }, (_, i) => paidLine(i + 3, 'shipped'))];
/**
 * The most one page of `limit` lines may cost: each at most `largest` bytes (its JSON, longer than
 * DynamoDB's own count), 0.5 unit per started 4 KB of the sum (an eventually consistent Query).
 * The lines here are 1.3 KB: 2 lines cost 0.5 unit, a page of 50 at most 8.5, of 100 at most 16.5
 * (measured: 13). Filtering GSI1 by fulfilment, as before, read all 302 for "to ship": 7 Queries, 39.5 units.
 */
const largest = Math.max(...kgLines.map((line) => Buffer.byteLength(JSON.stringify(lineItem(line)))));
const pageBound = (limit: number) => 0.5 * Math.ceil((limit * largest) / 4096);

beforeAll(async () => {
  shop = await startShop({ staff: true });
  tokens = { KG: await shop.tokenOf('KG'), RU: await shop.tokenOf('RU') };
  await putAll(shop.table, kgLines.map((line) => lineItem(line)));
  recorder = recordDynamoCalls(shop.table.doc);
});
afterAll(async () => shop?.close());

/** One workspace request as KG's manager, with every DynamoDB command it sent. */
async function measure(path: string, token = tokens.KG) {
  recorder.reset();
  const response = await shop.call('GET', path, undefined, bearer(token));
  const calls = [...recorder.calls];
  const queries = calls.filter((call) => call.command === 'Query');
  return { ...response, calls, queries };
}

/** One Query, unfiltered, reading at most a page; besides it only the GetItem of the pavilion (is it suspended?). */
function expectOneQueryPage(calls: Awaited<ReturnType<typeof measure>>['calls'], limit: number) {
  expect(calls.map((call) => call.command).sort()).toEqual(['GetItem', 'Query']);
  expect(calls.filter((call) => call.filter)).toEqual([]);
  const query = calls.find((call) => call.command === 'Query')!;
  expect(query.readUnits).toBeGreaterThan(0);
  expect(query.readUnits).toBeLessThanOrEqual(pageBound(limit));
  return query;
}

describe('each filter of the workspace queue is one Query', () => {
  it('finds the 2 lines left to ship, behind 300 shipped ones, in one Query that reads only them', async () => {
    const toShip = await measure('/api/pavilion/orders?fulfilment=to_ship');
    expect(toShip.status).toBe(200);
    expect(toShip.body.items.map((line: any) => line.orderId)).toEqual([order(2), order(1)]);
    expect(toShip.body.nextCursor).toBeNull();
    const query = expectOneQueryPage(toShip.calls, 50);
    // Two lines' worth: 0.5 unit (the filter over GSI1 this replaced read all 302 lines).
    expect(query.readUnits).toBeLessThanOrEqual(pageBound(2));
    expect(query.index).toBe('GSI2');
  });

  it('pages through the shipped lines, newest first, one Query per page', async () => {
    const first = await measure('/api/pavilion/orders?fulfilment=shipped&limit=100');
    expect(first.body.items).toHaveLength(100);
    expect(first.body.items[0].orderId).toBe(order(302));
    expect(first.body.items.every((line: any) => line.fulfilment === 'shipped')).toBe(true);
    expectOneQueryPage(first.calls, 100);
    const second = await measure(`/api/pavilion/orders?fulfilment=shipped&limit=100&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].orderId).toBe(order(202));
    expectOneQueryPage(second.calls, 100);
  });

  it('lists every paid line, unfiltered, one Query per page too', async () => {
    const all = await measure('/api/pavilion/orders?limit=50');
    expect(all.body.items).toHaveLength(50);
    expect(all.body.items[0].orderId).toBe(order(302));
    expect(expectOneQueryPage(all.calls, 50).index).toBe('GSI1');
  });

  it('refuses a cursor of another filter (400), before any Query', async () => {
    const shipped = await measure('/api/pavilion/orders?fulfilment=shipped&limit=1');
    const all = await measure('/api/pavilion/orders?limit=1');
    for (const path of [
      `/api/pavilion/orders?fulfilment=to_ship&cursor=${shipped.body.nextCursor}`,
      `/api/pavilion/orders?cursor=${shipped.body.nextCursor}`,
      `/api/pavilion/orders?fulfilment=shipped&cursor=${all.body.nextCursor}`,
    ]) {
      const refused = await measure(path);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      expect(refused.queries).toEqual([]);
    }
    // Another pavilion's cursor names another partition: refused as well.
    const ru = await measure(`/api/pavilion/orders?fulfilment=shipped&cursor=${shipped.body.nextCursor}`, tokens.RU);
    expect(ru.status).toBe(400);
  });
});

describe('a line moves between the filters in the write that changes it', () => {
  const lineNos = async (fulfilment: string, token: string, orderId: string) =>
    (await shop.call('GET', `/api/pavilion/orders?fulfilment=${fulfilment}&limit=10`, undefined, bearer(token))).body.items
      .filter((line: any) => line.orderId === orderId)
      .map((line: any) => line.lineNo);

  it('paid: to ship; shipped: shipped; refunded by its pavilion: cancelled, in RU’s queue only', async () => {
    const chocolate = aProduct({ pavilion: 'RU', stock: 10, price: { amount: 39_900, currency: 'RUB' } });
    const jam = aProduct({ pavilion: 'RU', stock: 10, price: { amount: 29_900, currency: 'RUB' }, category: 'jam' });
    await shop.deps.catalogue.putProducts([chocolate, jam]);
    const { orderId } = await shop.paidOrder({ [chocolate.id]: 1, [jam.id]: 1 });

    // The payment's transaction put both lines in RU's "to ship" (keys.pavilionQueueEntry), and in no KG queue.
    expect(await lineNos('to_ship', tokens.RU, orderId)).toEqual([2, 1]);
    expect(await lineNos('to_ship', tokens.KG, orderId)).toEqual([]);

    const shipped = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/1/shipment`, { carrier: 'Почта России', trackingNumber: 'RA123456789RU' }, bearer(tokens.RU));
    expect(shipped.status).toBe(200);
    expect(await lineNos('to_ship', tokens.RU, orderId)).toEqual([2]);
    expect(await lineNos('shipped', tokens.RU, orderId)).toEqual([1]);

    const refunded = await shop.call('POST', `/api/pavilion/orders/${orderId}/lines/2/refund`, { reason: 'out_of_stock' }, bearer(tokens.RU));
    expect(refunded.status).toBe(200);
    await eventually(() => shop.order(orderId), (stored) => stored.refunds.every((refund) => refund.status === 'succeeded'));
    expect(await lineNos('to_ship', tokens.RU, orderId)).toEqual([]);
    // The workspace lists cancelled lines with every line; the store keeps their own queue too.
    const cancelled = await new DynamoPavilionOrdersStore(shop.table.doc, shop.table.tableName).linesToFulfil({ pavilion: 'RU', fulfilment: 'cancelled', limit: 10 });
    expect(cancelled.items.map((line) => [line.orderId, line.lineNo, line.fulfilment])).toEqual([[orderId, 2, 'cancelled']]);
    expect(await lineNos('to_ship', tokens.KG, orderId)).toEqual([]);
  });
});

describe('the backfill gives lines paid before the fulfilment queues their entry', () => {
  it('places every older line in its queue, a line shipped before the backfill too; a second run writes nothing', async () => {
    const table = await createTestTable('queue-keys');
    const catalogue = new DynamoCatalogueStore(table.doc, table.tableName);
    await catalogue.putPavilion(aPavilion());
    const pavilionOrders = new DynamoPavilionOrdersStore(table.doc, table.tableName);
    const count = async (fulfilment: 'to_ship' | 'shipped' | 'cancelled') => {
      let total = 0;
      let cursor: string | undefined;
      do {
        const page = await pavilionOrders.linesToFulfil({ pavilion: 'KG', fulfilment, limit: 100, ...(cursor ? { cursor } : {}) });
        total += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return total;
    };
    // 150 lines as written before GSI2 carried them (more than one page of the backfill's 100): 40 to ship, 100 shipped, 10 cancelled.
    const older = Array.from({ length: 150 }, (_, i) => paidLine(i + 1, i < 40 ? 'to_ship' : i < 140 ? 'shipped' : 'cancelled'));
    await putAll(table, older.map((line) => lineItem(line, { stale: true })));
    // An unpaid line is on no queue: the backfill never reads it.
    const unpaid: OrderLine = { ...paidLine(999, 'awaiting_payment') };
    delete (unpaid as { paidAt?: string }).paidAt;
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.orderLine(unpaid.orderId, 1), type: 'order_line', ...unpaid } }));
    expect(await count('to_ship')).toBe(0);

    // Shipped before the backfill ran: the shipment's write gives it its entry, in its place among the older lines.
    await pavilionOrders.markShipped({ orderId: order(40), lineNo: 1, pavilion: 'KG', carrier: 'China Post', trackingNumber: 'EE000000040CN', shippedAt: new Date().toISOString() });
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.orderLine(order(40), 1), ConsistentRead: true }));
    expect(Item).toMatchObject(keys.fulfilmentQueueEntry({ ...older[39]!, fulfilment: 'shipped' }, older[39]!.paidAt!));
    expect(await count('shipped')).toBe(1);

    const deps = { catalogue, listingKeys: new DynamoListingKeyStore(table.doc, table.tableName) };
    expect(await backfillListingKeys(deps)).toEqual({ pavilions: 1, checked: 0, updated: 0, linesChecked: 150, linesUpdated: 149 });
    expect(await count('to_ship')).toBe(39);
    expect(await count('shipped')).toBe(101);
    expect(await count('cancelled')).toBe(10);
    const toShip = await pavilionOrders.linesToFulfil({ pavilion: 'KG', fulfilment: 'to_ship', limit: 3 });
    expect(toShip.items.map((line) => line.orderId)).toEqual([order(39), order(38), order(37)]);

    const again = recordDynamoCalls(table.doc);
    expect(await backfillListingKeys(deps)).toEqual({ pavilions: 1, checked: 0, updated: 0, linesChecked: 150, linesUpdated: 0 });
    expect(again.calls.filter((call) => call.command !== 'Query')).toEqual([]);
    table.raw.destroy();
  });
});
