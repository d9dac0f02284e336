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
 *   PRODUCT#<id>        STOCK#<at>#<random>  stock movement
 *   CART#<id>           CART                 cart (ttl)
 *   ORDER#<id>          ORDER                order                 GSI2 ORDERS#pending_payment / <expiresAt>#<id>, while unpaid
 *   ORDER#<id>          LINE#<nnn>           order line            GSI1 PAVILION#<CC>#ORDERS / <paidAt>#<id>#<nnn>, once paid
 *   ORDER#<id>          REFUND#<refundId>    refund                GSI2 REFUNDS#unsent / <requestedAt>#<refundId>, until the provider takes it
 *                                                                  GSI2 REFUNDS#failed / <failedAt>#<refundId>, while failed and not retried
 *   ORDER#<id>          AUDIT#<at>#<id>      an operator's action on the order (who, when, what)
 *   BUYER#<hash>        YEAR#<yyyy>          a buyer's yearly cross-border count (China's yearly limit)
 *   STRIPE_EVENT#<id>   EVENT                a processed Stripe event (ttl)
 *   EXCHANGE_RATES      CURRENT              the exchange rates checkout converts with (one snapshot)
 *
 * Listings sort by createdAt, not updatedAt: stock moves on every checkout and must not reshuffle a
 * pavilion's shelf or rewrite index keys. Order index entries are sparse: written when the state
 * begins (unpaid, paid), removed when it ends. The order lines are a contract with the pavilion
 * workspace, which reads a pavilion's paid lines (its queue, newest first) and writes their shipment.
 */

type GlobalIndex = (typeof TABLE_SCHEMA.globalIndexes)[number];
const [GSI1, GSI2, GSI3] = TABLE_SCHEMA.globalIndexes;
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

/** Zero-padded, so a Query returns an order's lines (and a pavilion's queue) in line order. */
const lineNumber = (lineNo: number) => String(lineNo).padStart(3, '0');

const productCategoryIndex = (product: Pick<Product, 'id' | 'category' | 'status' | 'createdAt'>) => ({
  GSI2PK: `CATEGORY#${product.category}`,
  GSI2SK: `${product.status}#${product.createdAt}#${product.id}`,
});

export const keys = {
  pavilion: (code: PavilionCode) => ({ PK: PAVILIONS, SK: `PAVILION#${code}` }),
  product: (id: string) => ({ PK: `${PRODUCT_PREFIX}${id}`, SK: PRODUCT_SK }),
  /** GSI1: a pavilion's products, newest first. GSI2: a category's. GSI3: the whole catalogue. */
  productIndexes: (product: Pick<Product, 'id' | 'pavilion' | 'category' | 'status' | 'createdAt'>) => ({
    GSI1PK: `PAVILION#${product.pavilion}`,
    GSI1SK: `PRODUCT#${product.status}#${product.createdAt}#${product.id}`,
    ...productCategoryIndex(product),
    GSI3PK: `CATALOGUE#${product.status}`,
    GSI3SK: `${product.createdAt}#${product.id}`,
  }),
  /** The GSI2 entry alone: a content edit may change the category, never the pavilion, status or creation. */
  productCategoryIndex,
  /** A stock movement sorts under its product by time; `unique` tells two movements of the same instant apart. */
  stockMovement: (productId: string, at: string, unique: string) => ({ PK: `${PRODUCT_PREFIX}${productId}`, SK: `${STOCK_PREFIX}${at}#${unique}` }),
  cart: (id: string) => ({ PK: `CART#${id}`, SK: 'CART' }),
  order: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: ORDER_SK }),
  orderLine: (orderId: string, lineNo: number) => ({ PK: `ORDER#${orderId}`, SK: `${LINE_PREFIX}${lineNumber(lineNo)}` }),
  /** A paid line's place in its pavilion's queue (GSI1), newest first. */
  pavilionQueueEntry: (line: Pick<OrderLine, 'pavilion' | 'orderId' | 'lineNo'>, paidAt: string) => ({
    GSI1PK: `PAVILION#${line.pavilion}#ORDERS`,
    GSI1SK: `${paidAt}#${line.orderId}#${lineNumber(line.lineNo)}`,
  }),
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
  /** A buyer's yearly cross-border count: keyed by a hash of the ID number, never the number. */
  buyerYear: (buyerKey: string, year: number) => ({ PK: `BUYER#${buyerKey}`, SK: `YEAR#${year}` }),
  /** Each Stripe event takes effect once: a conditional put of this key joins the state change. */
  stripeEvent: (eventId: string) => ({ PK: `STRIPE_EVENT#${eventId}`, SK: 'EVENT' }),
  /** The current exchange-rate snapshot; each refresh replaces it. */
  exchangeRates: () => ({ PK: 'EXCHANGE_RATES', SK: 'CURRENT' }),
} as const;

/**
 * One Query's key condition: a partition of the table or of an index, and on its sort key either a
 * begins_with prefix or an upper bound. Paging cursors are checked against it too (cursor.ts).
 */
export interface KeyQuery {
  readonly indexName?: IndexName;
  readonly partition: { readonly name: string; readonly value: string };
  readonly sort: { readonly name: string; readonly prefix?: string; readonly below?: string };
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
  catalogueListings: (status: Product['status']): KeyQuery => onIndex(GSI3, `CATALOGUE#${status}`),
  stockMovements: (productId: string): KeyQuery => onTable(`${PRODUCT_PREFIX}${productId}`, { prefix: STOCK_PREFIX }),
  /** The order item and its lines, one partition. */
  orderItems: (orderId: string): KeyQuery => onTable(`ORDER#${orderId}`),
  /** A pavilion's paid lines, the queue it ships from. */
  pavilionQueue: (code: PavilionCode): KeyQuery => onIndex(GSI1, `PAVILION#${code}#ORDERS`),
  /** Unpaid orders whose reservation lapsed before `now`. */
  pendingOrdersBefore: (now: string): KeyQuery => onIndex(GSI2, PENDING_ORDERS, { below: now }),
  /** Refunds requested before `before` that the provider has not taken yet. */
  unsentRefundsBefore: (before: string): KeyQuery => onIndex(GSI2, UNSENT_REFUNDS, { below: before }),
  /** Failed refunds not replaced by another, by when they failed. */
  failedRefunds: (): KeyQuery => onIndex(GSI2, FAILED_REFUNDS),
  /** An order's operator actions, oldest first. */
  operatorActions: (orderId: string): KeyQuery => onTable(`ORDER#${orderId}`, { prefix: AUDIT_PREFIX }),
} as const;

/** The Query parameters of a KeyQuery; a store adds its own filter names and values beside these. */
export function keyCondition(query: KeyQuery) {
  const { prefix, below } = query.sort;
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
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK' | 'ttl' | 'type'> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, ttl, type, ...rest } = item;
  return rest;
}
