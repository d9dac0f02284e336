import type { Product } from '../../domain/catalogue.js';
import type { OrderLine } from '../../domain/order.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import { TABLE_SCHEMA, type IndexName } from './table-schema.js';

/**
 * The single table's key layout. Every key, index entry, key prefix and index name is built here;
 * nothing outside functions/adapters/dynamodb knows one (the domain gets items without keys: withoutKeys).
 *
 *   PK                  SK                   item                  index entries
 *   PAVILIONS           PAVILION#<CC>        pavilion
 *   PRODUCT#<id>        PRODUCT              product               GSI1 PAVILION#<CC> / PRODUCT#<status>#<createdAt>#<id>
 *                                                                  GSI2 CATEGORY#<category> / <status>#<createdAt>#<id>
 *                                                                  GSI3 CATALOGUE#<status> / <createdAt>#<id>
 *                                                                  GSI4 PAVCAT#<CC>#<category> / <status>#<createdAt>#<id>
 *   PRODUCT#<id>        STOCK#<at>#<random>  stock movement
 *   CART#<id>           CART                 cart (ttl)
 *   ORDER#<id>          ORDER                order                 GSI2 ORDERS#pending_payment / <expiresAt>#<id>, while unpaid
 *   ORDER#<id>          LINE#<nnn>           order line            GSI1 PAVILION#<CC>#ORDERS / <paidAt>#<id>#<nnn>, once paid
 *                                                                  GSI2 PAVILION#<CC>#LINES#<fulfilment> / <paidAt>#<id>#<nnn>, once paid, moved with its fulfilment
 *   ORDER#<id>          REFUND#<refundId>    refund                GSI2 REFUNDS#unsent / <requestedAt>#<refundId>, until the provider takes it
 *                                                                  GSI2 REFUNDS#failed / <failedAt>#<refundId>, while failed and not retried
 *   ORDER#<id>          AUDIT#<at>#<id>      an operator's action on the order (who, when, what)
 *   ORDER#<id>          ORDER                (the same order item) GSI2 ORDERS#paid_needs_attention / <paidAt>#<id>, while it waits for an operator
 *                                                                  GSI3 SHOPPER#<HMAC of the email> / <createdAt>#<id> (operators find a shopper's orders)
 *   ORDER#<id>          REFUSED#<eventId>    a payment event refused for a mismatch (ttl)   GSI2 WEBHOOKS#refused / <at>#<eventId>
 *   PAVILION#<CC>       AUDIT#<at>#<id>      an operator's action on a pavilion (invite, suspend, reinstate)
 *   BUYER#<hash>        YEAR#<yyyy>          a buyer's yearly cross-border count (China's yearly limit)
 *   BUYER#<hash>        UNPAID               the buyer's unpaid orders: holds = map orderId -> expiresAt (at most 3)
 *   SHOPPER#<hash>      UNPAID               the same per shopper email (HMAC of the email)
 *   STRIPE_EVENT#<id>   EVENT                a processed Stripe event (ttl)
 *   EXCHANGE_RATES      CURRENT              the exchange rates checkout converts with (one snapshot)
 *   ORDER#<id>          MAIL#<mailId>        an outbox record: one mail the order caused (mailKeys below)
 *                                                                  GSI2 MAIL#due / <dueAt>#<id>#<mailId>, while ready or being sent
 *                                                                  GSI2 MAIL#failed / <failedAt>#<id>#<mailId>, once given up
 *   PAVILION#<CC>       MAIL_BATCH           the pavilion's batch of orders with new paid lines   GSI2 MAIL#due / <dueAt>#PAVILION#<CC>, while it has any
 *   PAVILION#<CC>       ORDER_CONTACT        where the pavilion's order mail goes (kept off the public pavilion item)
 *   LEDGER#<CC>         ENTRY#<at>#<record>  a ledger record: a pavilion's settlement entries of one event (append-only)
 *   LEDGER#<CC>         ACCOUNT              the pavilion's commission rate and the version payouts are conditioned on
 *   LEDGER#<CC>         AUDIT#<at>#<id>      an operator's settlement action on the pavilion (who, when, what)
 *
 * Listings sort by createdAt, not updatedAt: stock moves on every checkout and must not reshuffle a
 * pavilion's shelf or rewrite index keys. Every listing the API serves is one Query on one of these
 * partitions, with no FilterExpression: the whole catalogue (GSI3), a pavilion (GSI1), a category
 * (GSI2), and a pavilion's category, which is the same set as a category's pavilion (GSI4). Filtering
 * GSI1 by category instead would read the whole pavilion for a category it does not carry.
 * Newest first is the only order the API offers; price sorts are the static search index's (Pagefind).
 * Products written before GSI4 get its entry from the backfill (usecases/backfill-listing-keys.ts).
 *
 * Order index entries are sparse: written when the state begins (unpaid, paid), removed when it ends.
 * The order lines are a contract with the pavilion workspace, which reads a pavilion's paid lines (its
 * queue, newest first) and writes their shipment. Each filter of that queue is one Query too: all of
 * them (GSI1), or those of one fulfilment (GSI2, moved in the same write that changes it). Filtering
 * GSI1 by fulfilment instead would read the pavilion's whole history for "to ship" once most lines
 * have shipped. Lines paid before GSI2 carried them get it from the same backfill.
 */

type GlobalIndex = (typeof TABLE_SCHEMA.globalIndexes)[number];
const [GSI1, GSI2, GSI3, GSI4] = TABLE_SCHEMA.globalIndexes;
const PK = TABLE_SCHEMA.partitionKey;
const SK = TABLE_SCHEMA.sortKey;

const PAVILIONS = 'PAVILIONS';
const PRODUCT_PREFIX = 'PRODUCT#';
const PRODUCT_SK = 'PRODUCT';
const ORDER_SK = 'ORDER';
const LINE_PREFIX = 'LINE#';
const STOCK_PREFIX = 'STOCK#';
const PENDING_ORDERS = 'ORDERS#pending_payment';
const REFUND_PREFIX = 'REFUND#';
const AUDIT_PREFIX = 'AUDIT#';
const UNSENT_REFUNDS = 'REFUNDS#unsent';
const FAILED_REFUNDS = 'REFUNDS#failed';
const LEDGER_PREFIX = 'LEDGER#';
const LEDGER_ENTRY_PREFIX = 'ENTRY#';
const LEDGER_ACCOUNT_SK = 'ACCOUNT';
const ATTENTION_ORDERS = 'ORDERS#paid_needs_attention';
const REFUSED_EVENTS = 'WEBHOOKS#refused';
const REFUSED_PREFIX = 'REFUSED#';
const SHOPPER_PREFIX = 'SHOPPER#';
const LINES_INFIX = '#LINES#';

/** Zero-padded, so a Query returns an order's lines (and a pavilion's queue) in line order. */
const lineNumber = (lineNo: number) => String(lineNo).padStart(3, '0');

/** A paid line's fulfilment: where it stands in its pavilion's queue. */
type PaidFulfilment = Exclude<OrderLine['fulfilment'], 'awaiting_payment'>;
type QueuedLine = Pick<OrderLine, 'pavilion' | 'orderId' | 'lineNo'>;

/** A paid line's sort key on each queue it is on: by payment time, then order and line (the queues are read newest first). */
const queueSortKey = (line: QueuedLine, paidAt: string) => `${paidAt}#${line.orderId}#${lineNumber(line.lineNo)}`;
/** GSI2: a pavilion's paid lines of one fulfilment. No other GSI2 partition begins with `PAVILION#`. */
const fulfilmentQueuePartition = (pavilion: PavilionCode, fulfilment: OrderLine['fulfilment']) => `PAVILION#${pavilion}${LINES_INFIX}${fulfilment}`;

/** A paid line's entry in the queue of its fulfilment (GSI2). */
const fulfilmentQueueEntry = (line: QueuedLine & Pick<OrderLine, 'fulfilment'>, paidAt: string) => ({
  GSI2PK: fulfilmentQueuePartition(line.pavilion, line.fulfilment),
  GSI2SK: queueSortKey(line, paidAt),
});

const PAVILION_CATEGORY_PREFIX = 'PAVCAT#';

type ListedProduct = Pick<Product, 'id' | 'pavilion' | 'category' | 'status' | 'createdAt'>;

/** GSI4: a pavilion's products of one category, newest first (a pavilion and a category are fixed words: no `#` in either). */
const pavilionCategoryEntry = (product: ListedProduct) => ({
  GSI4PK: `${PAVILION_CATEGORY_PREFIX}${product.pavilion}#${product.category}`,
  GSI4SK: `${product.status}#${product.createdAt}#${product.id}`,
});

/** The entries that embed the category: GSI2 (a category's products) and GSI4 (a pavilion's of that category). */
const productCategoryIndexes = (product: ListedProduct) => ({
  GSI2PK: `CATEGORY#${product.category}`,
  GSI2SK: `${product.status}#${product.createdAt}#${product.id}`,
  ...pavilionCategoryEntry(product),
});

export const keys = {
  pavilion: (code: PavilionCode) => ({ PK: PAVILIONS, SK: `PAVILION#${code}` }),
  product: (id: string) => ({ PK: `${PRODUCT_PREFIX}${id}`, SK: PRODUCT_SK }),
  /** GSI1: a pavilion's products, newest first. GSI2: a category's. GSI3: the whole catalogue. GSI4: a pavilion's of one category. */
  productIndexes: (product: ListedProduct) => ({
    GSI1PK: `PAVILION#${product.pavilion}`,
    GSI1SK: `PRODUCT#${product.status}#${product.createdAt}#${product.id}`,
    ...productCategoryIndexes(product),
    GSI3PK: `CATALOGUE#${product.status}`,
    GSI3SK: `${product.createdAt}#${product.id}`,
  }),
  /** The GSI2 and GSI4 entries alone: a content edit may change the category, never the pavilion, status or creation. */
  productCategoryIndexes,
  /** The GSI4 entry alone: what the backfill (usecases/backfill-listing-keys.ts) adds to products written before GSI4. */
  pavilionCategoryEntry,
  /** A stock movement sorts under its product by time; `unique` tells two movements of the same instant apart. */
  stockMovement: (productId: string, at: string, unique: string) => ({ PK: `${PRODUCT_PREFIX}${productId}`, SK: `${STOCK_PREFIX}${at}#${unique}` }),
  cart: (id: string) => ({ PK: `CART#${id}`, SK: 'CART' }),
  order: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: ORDER_SK }),
  orderLine: (orderId: string, lineNo: number) => ({ PK: `ORDER#${orderId}`, SK: `${LINE_PREFIX}${lineNumber(lineNo)}` }),
  /** A paid line's place in its pavilion's queue (GSI1) and in the queue of its fulfilment (GSI2), newest first. */
  pavilionQueueEntry: (line: QueuedLine & Pick<OrderLine, 'fulfilment'>, paidAt: string) => ({
    GSI1PK: `PAVILION#${line.pavilion}#ORDERS`,
    GSI1SK: queueSortKey(line, paidAt),
    ...fulfilmentQueueEntry(line, paidAt),
  }),
  /** The GSI2 entry alone: what the backfill (usecases/backfill-listing-keys.ts) adds to lines paid before it. */
  fulfilmentQueueEntry,
  /** An unpaid order's place among the pending ones (GSI2), by expiry, for the sweep. */
  pendingOrderEntry: (orderId: string, expiresAt: string) => ({ GSI2PK: PENDING_ORDERS, GSI2SK: `${expiresAt}#${orderId}` }),
  /** The attributes of that entry, removed when the order stops being pending. */
  pendingOrderEntryAttributes: [GSI2.partitionKey, GSI2.sortKey] as const,
  /** A refund lives with its order: one Query reads the order, its lines and its refunds. */
  refund: (orderId: string, refundId: string) => ({ PK: `ORDER#${orderId}`, SK: `${REFUND_PREFIX}${refundId}` }),
  /** A refund the provider has not taken yet (GSI2), oldest first, for the sweep to send again. */
  unsentRefundEntry: (refundId: string, requestedAt: string) => ({ GSI2PK: UNSENT_REFUNDS, GSI2SK: `${requestedAt}#${refundId}` }),
  /** A failed refund no later refund has replaced (GSI2): what operators must resolve. */
  failedRefundEntry: (refundId: string, failedAt: string) => ({ GSI2PK: FAILED_REFUNDS, GSI2SK: `${failedAt}#${refundId}` }),
  /** The attributes of either refund entry (a refund is in one list at most), removed when it leaves it. */
  refundEntryAttributes: [GSI2.partitionKey, GSI2.sortKey] as const,
  /** An operator's action on an order, by time: the order's history shows who did what and when. */
  operatorAction: (orderId: string, at: string, actionId: string) => ({ PK: `ORDER#${orderId}`, SK: `${AUDIT_PREFIX}${at}#${actionId}` }),
  /** A paid order that waits for an operator (GSI2, sparse): set in the transaction that makes it paid_needs_attention. */
  attentionOrderEntry: (orderId: string, paidAt: string) => ({ GSI2PK: ATTENTION_ORDERS, GSI2SK: `${paidAt}#${orderId}` }),
  /** The attributes of that entry, removed when an operator resolves the order (a refund). */
  attentionOrderEntryAttributes: [GSI2.partitionKey, GSI2.sortKey] as const,
  /** An order under its shopper (GSI3): keyed by a keyed hash of the email (ports/shopper-keys.ts), never the address. */
  shopperOrderEntry: (shopperKey: string, createdAt: string, orderId: string) => ({ GSI3PK: `${SHOPPER_PREFIX}${shopperKey}`, GSI3SK: `${createdAt}#${orderId}` }),
  /** A payment event refused for a mismatch, kept with its order, and listed for operators (GSI2). */
  refusedEvent: (orderId: string, eventId: string) => ({ PK: `ORDER#${orderId}`, SK: `${REFUSED_PREFIX}${eventId}` }),
  refusedEventEntry: (eventId: string, at: string) => ({ GSI2PK: REFUSED_EVENTS, GSI2SK: `${at}#${eventId}` }),
  /** An operator's action on a pavilion, by time (its own partition: pavilion items themselves are catalogue items). */
  pavilionAction: (code: PavilionCode, at: string, actionId: string) => ({ PK: `PAVILION#${code}`, SK: `${AUDIT_PREFIX}${at}#${actionId}` }),
  /** A buyer's yearly cross-border count: keyed by a hash of the ID number, never the number. */
  buyerYear: (buyerKey: string, year: number) => ({ PK: `BUYER#${buyerKey}`, SK: `YEAR#${year}` }),
  /**
   * A shopper's unpaid orders (domain/order.ts MAX_UNPAID_ORDERS_PER_SHOPPER), by the keyed hash of
   * their email or of the buyer's ID number: checkout adds the order under a condition on their
   * count, every end of pending_payment removes it.
   */
  unpaidHolds: (kind: 'email' | 'buyer', key: string) => ({ PK: kind === 'buyer' ? `BUYER#${key}` : `${SHOPPER_PREFIX}${key}`, SK: 'UNPAID' }),
  /** Each Stripe event takes effect once: a conditional put of this key joins the state change. */
  stripeEvent: (eventId: string) => ({ PK: `STRIPE_EVENT#${eventId}`, SK: 'EVENT' }),
  /** The current exchange-rate snapshot; each refresh replaces it. */
  exchangeRates: () => ({ PK: 'EXCHANGE_RATES', SK: 'CURRENT' }),
  /** One ledger record (domain/settlement.ts): a pavilion's entries of one event, by time; the record id makes a retried write the same key. */
  ledgerRecord: (pavilion: PavilionCode, at: string, recordId: string) => ({ PK: `${LEDGER_PREFIX}${pavilion}`, SK: `${LEDGER_ENTRY_PREFIX}${at}#${recordId}` }),
  /** A pavilion's settlement account: its commission rate and the version operators' ledger writes are conditioned on. */
  ledgerAccount: (pavilion: PavilionCode) => ({ PK: `${LEDGER_PREFIX}${pavilion}`, SK: LEDGER_ACCOUNT_SK }),
  /** An operator's settlement action on a pavilion (payout, adjustment, commission rate), by time. */
  ledgerAction: (pavilion: PavilionCode, at: string, actionId: string) => ({ PK: `${LEDGER_PREFIX}${pavilion}`, SK: `${AUDIT_PREFIX}${at}#${actionId}` }),
} as const;

/**
 * One Query's key condition: a partition of the table or of an index, and on its sort key either a
 * begins_with prefix or an upper bound. Paging cursors are checked against it too (cursor.ts).
 */
export interface KeyQuery {
  readonly indexName?: IndexName;
  readonly partition: { readonly name: string; readonly value: string };
  readonly sort: { readonly name: string; readonly prefix?: string; readonly below?: string; readonly between?: readonly [string, string] };
}

const onTable = (value: string, sort: { prefix?: string } = {}): KeyQuery => ({ partition: { name: PK, value }, sort: { name: SK, ...sort } });
const onIndex = (index: GlobalIndex, value: string, sort: { prefix?: string; below?: string } = {}): KeyQuery => ({
  indexName: index.indexName,
  partition: { name: index.partitionKey, value },
  sort: { name: index.sortKey, ...sort },
});

export const queries = {
  pavilions: (): KeyQuery => onTable(PAVILIONS),
  /** A pavilion's listings, of one status or (without it) all. */
  pavilionListings: (code: PavilionCode, status?: Product['status']): KeyQuery =>
    onIndex(GSI1, `PAVILION#${code}`, { prefix: status ? `PRODUCT#${status}#` : 'PRODUCT#' }),
  categoryListings: (category: string, status: Product['status']): KeyQuery => onIndex(GSI2, `CATEGORY#${category}`, { prefix: `${status}#` }),
  /** A pavilion's listings of one category (the same set as the category's listings of one pavilion). */
  pavilionCategoryListings: (code: PavilionCode, category: string, status: Product['status']): KeyQuery =>
    onIndex(GSI4, `${PAVILION_CATEGORY_PREFIX}${code}#${category}`, { prefix: `${status}#` }),
  catalogueListings: (status: Product['status']): KeyQuery => onIndex(GSI3, `CATALOGUE#${status}`),
  stockMovements: (productId: string): KeyQuery => onTable(`${PRODUCT_PREFIX}${productId}`, { prefix: STOCK_PREFIX }),
  /** The order item and its lines, one partition. */
  orderItems: (orderId: string): KeyQuery => onTable(`ORDER#${orderId}`),
  /** A pavilion's paid lines, the queue it ships from: all of them (GSI1), or those of one fulfilment (GSI2). */
  pavilionQueue: (code: PavilionCode, fulfilment?: PaidFulfilment): KeyQuery =>
    fulfilment ? onIndex(GSI2, fulfilmentQueuePartition(code, fulfilment)) : onIndex(GSI1, `PAVILION#${code}#ORDERS`),
  /** Unpaid orders whose reservation lapsed before `now`. */
  pendingOrdersBefore: (now: string): KeyQuery => onIndex(GSI2, PENDING_ORDERS, { below: now }),
  /** Refunds requested before `before` that the provider has not taken yet. */
  unsentRefundsBefore: (before: string): KeyQuery => onIndex(GSI2, UNSENT_REFUNDS, { below: before }),
  /** Failed refunds not replaced by another, by when they failed. */
  failedRefunds: (): KeyQuery => onIndex(GSI2, FAILED_REFUNDS),
  /** An order's operator actions, oldest first. */
  operatorActions: (orderId: string): KeyQuery => onTable(`ORDER#${orderId}`, { prefix: AUDIT_PREFIX }),
  /**
   * A pavilion's ledger records at or after `start` and before `end` (ISO instants; a record's sort key
   * is its time then `#`, so it sorts after its own instant and before the next), oldest first.
   * Without `start`: everything before `end` (the opening balance).
   */
  ledgerRecords: (pavilion: PavilionCode, start: string | null, end: string): KeyQuery => ({
    partition: { name: PK, value: `${LEDGER_PREFIX}${pavilion}` },
    sort: { name: SK, between: [`${LEDGER_ENTRY_PREFIX}${start ?? ''}`, `${LEDGER_ENTRY_PREFIX}${end}`] },
  }),
  /** A pavilion's settlement actions by operators, oldest first. */
  ledgerActions: (pavilion: PavilionCode): KeyQuery => onTable(`${LEDGER_PREFIX}${pavilion}`, { prefix: AUDIT_PREFIX }),
  /** Orders in paid_needs_attention, by when they were paid. */
  attentionOrders: (): KeyQuery => onIndex(GSI2, ATTENTION_ORDERS),
  /** Payment events refused for a mismatch, by when. */
  refusedEvents: (): KeyQuery => onIndex(GSI2, REFUSED_EVENTS),
  /** An order's refused payment events. */
  orderRefusedEvents: (orderId: string): KeyQuery => onTable(`ORDER#${orderId}`, { prefix: REFUSED_PREFIX }),
  /** A shopper's orders (by the keyed hash of their email), oldest first. */
  shopperOrders: (shopperKey: string): KeyQuery => onIndex(GSI3, `${SHOPPER_PREFIX}${shopperKey}`),
  /** A pavilion's operator actions, oldest first. */
  pavilionActions: (code: PavilionCode): KeyQuery => onTable(`PAVILION#${code}`, { prefix: AUDIT_PREFIX }),
} as const;

/** The Query parameters of a KeyQuery; a store adds its own filter names and values beside these. */
export function keyCondition(query: KeyQuery) {
  const { prefix, below, between } = query.sort;
  if (between) {
    return {
      ...(query.indexName ? { IndexName: query.indexName } : {}),
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :sk AND :skEnd',
      ExpressionAttributeNames: { '#pk': query.partition.name, '#sk': query.sort.name } as Record<string, string>,
      ExpressionAttributeValues: { ':pk': query.partition.value, ':sk': between[0], ':skEnd': between[1] } as Record<string, unknown>,
    };
  }
  const bySort = Boolean(prefix) || below !== undefined;
  return {
    ...(query.indexName ? { IndexName: query.indexName } : {}),
    KeyConditionExpression: `#pk = :pk${prefix ? ' AND begins_with(#sk, :sk)' : below !== undefined ? ' AND #sk < :sk' : ''}`,
    ExpressionAttributeNames: { '#pk': query.partition.name, ...(bySort ? { '#sk': query.sort.name } : {}) } as Record<string, string>,
    ExpressionAttributeValues: { ':pk': query.partition.value, ...(bySort ? { ':sk': prefix || below } : {}) } as Record<string, unknown>,
  };
}

/** The key attributes of a query's items: what its LastEvaluatedKey (and so its cursor) holds. */
export function pageKeyAttributes(query: KeyQuery): readonly string[] {
  return query.indexName ? [PK, SK, query.partition.name, query.sort.name] : [PK, SK];
}

/** An index entry as UpdateExpression SET clauses with placeholders, so stores never spell its attributes. */
export function setEntry(entry: Readonly<Record<string, string>>, tag: string) {
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  const clauses = Object.entries(entry).map(([name, value], i) => {
    names[`#${tag}${i}`] = name;
    values[`:${tag}${i}`] = value;
    return `#${tag}${i} = :${tag}${i}`;
  });
  return { expression: clauses.join(', '), names, values };
}

/**
 * A paid line's fulfilment changes: its GSI2 entry moves to the new fulfilment's partition, as SET
 * clauses for the same update. The sort key stays; a line paid before GSI2 carried it takes its GSI1
 * sort key (the same value), so it lands in place before the backfill reaches it. Only for a line on
 * its pavilion's queue (paid: it has the GSI1 entry).
 */
export function moveFulfilmentEntry(pavilion: PavilionCode, fulfilment: PaidFulfilment, tag: string) {
  return {
    expression: `#${tag}pk = :${tag}pk, #${tag}sk = if_not_exists(#${tag}sk, #${tag}from)`,
    names: { [`#${tag}pk`]: GSI2.partitionKey, [`#${tag}sk`]: GSI2.sortKey, [`#${tag}from`]: GSI1.sortKey } as Record<string, string>,
    values: { [`:${tag}pk`]: fulfilmentQueuePartition(pavilion, fulfilment) } as Record<string, string>,
  };
}

/** Attributes as an UpdateExpression REMOVE list with placeholders. */
export function removeAttributes(attributes: readonly string[], tag: string) {
  const names = Object.fromEntries(attributes.map((name, i) => [`#${tag}${i}`, name]));
  return { expression: Object.keys(names).join(', '), names };
}

type Keyed = { readonly PK?: unknown; readonly SK?: unknown };

/** Items of one order partition (queries.orderItems): the order itself, its lines, its refunds (and its operator actions). */
export const isOrderItem = (item: Keyed) => item.SK === ORDER_SK;
export const isOrderLineItem = (item: Keyed) => typeof item.SK === 'string' && item.SK.startsWith(LINE_PREFIX);
export const isRefundItem = (item: Keyed) => typeof item.SK === 'string' && item.SK.startsWith(REFUND_PREFIX);
export const isOperatorActionItem = (item: Keyed) => typeof item.SK === 'string' && item.SK.startsWith(AUDIT_PREFIX);
export const isRefusedEventItem = (item: Keyed) => typeof item.SK === 'string' && item.SK.startsWith(REFUSED_PREFIX);

/**
 * Which catalogue item a key is: a product or a pavilion (what the static pages are built from),
 * or null for anything else (carts, orders, stock movements, ...).
 */
export function catalogueItemKind(key: Keyed): 'product' | 'pavilion' | null {
  if (typeof key.PK !== 'string' || typeof key.SK !== 'string') return null;
  if (key.PK.startsWith(PRODUCT_PREFIX) && key.SK === PRODUCT_SK) return 'product';
  if (key.PK === PAVILIONS) return 'pavilion';
  return null;
}

/**
 * The catalogue's partition keys as stream event-filter patterns (infra/constructs/republishing.ts):
 * a coarse filter before any Lambda runs; catalogueItemKind then tells products from their stock movements.
 */
export const CATALOGUE_PARTITIONS: readonly ({ readonly beginsWith: string } | { readonly equals: string })[] = [
  { beginsWith: PRODUCT_PREFIX },
  { equals: PAVILIONS },
];

/** Strips the table's own attributes so the domain never sees keys. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK' | 'GSI4PK' | 'GSI4SK' | 'ttl' | 'type'> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, GSI4PK, GSI4SK, ttl, type, ...rest } = item;
  return rest;
}

const MAIL_PREFIX = 'MAIL#';
const DUE_MAIL = 'MAIL#due';
const FAILED_MAIL = 'MAIL#failed';
/** The outbox records' item type: the stream's filter (infra/constructs/mail.ts) passes only these. */
export const MAIL_ITEM_TYPE = 'mail';

/**
 * The outbox (domain/mail/outbox.ts): each mail record lives with its order, so the order's history
 * reads its mails with one Query; sparse index entries list what is due, what failed, and each
 * pavilion's waiting batch.
 */
export const mailKeys = {
  mail: (orderId: string, mailId: string) => ({ PK: `ORDER#${orderId}`, SK: `${MAIL_PREFIX}${mailId}` }),
  /** Due to be sent (GSI2), oldest first; kept while a sender holds it, so a lapsed claim is found again. */
  dueEntry: (orderId: string, mailId: string, dueAt: string) => ({ GSI2PK: DUE_MAIL, GSI2SK: `${dueAt}#${orderId}#${mailId}` }),
  /** Given up (GSI2), for operators. */
  failedEntry: (orderId: string, mailId: string, failedAt: string) => ({ GSI2PK: FAILED_MAIL, GSI2SK: `${failedAt}#${orderId}#${mailId}` }),
  /** A pavilion's batch (one item per pavilion), and its place on the due list while it holds orders. */
  pavilionBatch: (pavilion: PavilionCode) => ({ PK: `PAVILION#${pavilion}`, SK: 'MAIL_BATCH' }),
  pavilionBatchDueEntry: (pavilion: PavilionCode, dueAt: string) => ({ GSI2PK: DUE_MAIL, GSI2SK: `${dueAt}#PAVILION#${pavilion}` }),
  /** The attributes of the GSI2 entries (due or failed: one at most). */
  listEntryAttributes: [GSI2.partitionKey, GSI2.sortKey] as const,
  pavilionContact: (code: PavilionCode) => ({ PK: `PAVILION#${code}`, SK: 'ORDER_CONTACT' }),
} as const;

export const mailQueries = {
  dueBefore: (now: string): KeyQuery => onIndex(GSI2, DUE_MAIL, { below: now }),
  failed: (): KeyQuery => onIndex(GSI2, FAILED_MAIL),
  orderMails: (orderId: string): KeyQuery => onTable(`ORDER#${orderId}`, { prefix: MAIL_PREFIX }),
} as const;

export const isMailItem = (item: Keyed) => typeof item.SK === 'string' && item.SK.startsWith(MAIL_PREFIX);
/** On the due list: an order's mail record, or a pavilion's batch. */
export const isPavilionBatchItem = (item: Keyed) => item.SK === 'MAIL_BATCH';
/** The pavilion batches' item type (the stream filter passes only outbox records). */
export const MAIL_BATCH_ITEM_TYPE = 'mail_batch';

/**
 * What the catalogue's readers (the catalogue function, the site build) may read, as IAM
 * `dynamodb:LeadingKeys` patterns (`*` any text, `?` one character) per table and index, made by the
 * builders above (infra/constructs/table-access.ts). Orders, carts, buyers, shoppers, ledgers and a
 * pavilion's own partition (its audit, mail batch and order contact) match none, nor does GSI1's
 * queue of paid lines (`PAVILION#<CC>#ORDERS`): a pavilion code is exactly two letters; nor GSI2's
 * queues by fulfilment (`PAVILION#<CC>#LINES#<fulfilment>`), which begin with no `CATEGORY#`.
 */
export const CATALOGUE_READ_PARTITIONS = {
  table: [queries.pavilions().partition.value, keys.product('*').PK, keys.exchangeRates().PK],
  indexes: {
    GSI1: [queries.pavilionListings('??').partition.value],
    GSI2: [queries.categoryListings('*', 'active').partition.value],
    GSI3: [queries.catalogueListings('*' as Product['status']).partition.value],
    GSI4: [queries.pavilionCategoryListings('??', '*', 'active').partition.value],
  } satisfies Partial<Record<IndexName, readonly string[]>>,
} as const;
