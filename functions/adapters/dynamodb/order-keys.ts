import { lineSortKey, type OrderLine } from '../../domain/order.js';

/**
 * Keys of orders in the single table: the contract the pavilion workspace reads too.
 *   PK=ORDER#<id> SK=ORDER          the order
 *   PK=ORDER#<id> SK=LINE#<nnn>     its lines (nnn zero-padded, so a Query returns them in order)
 *   GSI1 PAVILION#<CC>#ORDERS / <paidAt>#<orderId>#<nnn>   paid lines, a pavilion's queue (newest first)
 *   GSI2 ORDERS#pending_payment / <expiresAt>#<orderId>    unpaid orders by expiry, for the sweep
 *   PK=BUYER#<keyed hash of the ID number> SK=YEAR#<yyyy>   what a buyer's orders count toward China's yearly limit
 * Both index entries are sparse: written when the state begins, removed when it ends.
 */
export const PENDING_ORDERS_PARTITION = 'ORDERS#pending_payment';

export const orderKeys = {
  order: (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'ORDER' }),
  line: (orderId: string, lineNo: number) => ({ PK: `ORDER#${orderId}`, SK: lineSortKey(lineNo) }),
  partition: (orderId: string) => `ORDER#${orderId}`,
  pavilionQueue: (line: Pick<OrderLine, 'pavilion' | 'orderId' | 'lineNo'>, paidAt: string) => ({
    GSI1PK: `PAVILION#${line.pavilion}#ORDERS`,
    GSI1SK: `${paidAt}#${line.orderId}#${pad(line.lineNo)}`,
  }),
  pending: (orderId: string, expiresAt: string) => ({ GSI2PK: PENDING_ORDERS_PARTITION, GSI2SK: `${expiresAt}#${orderId}` }),
  /** A buyer's yearly cross-border count: keyed by a hash of the ID number, never the number. */
  buyerYear: (buyerKey: string, year: number) => ({ PK: `BUYER#${buyerKey}`, SK: `YEAR#${year}` }),
  /** Each Stripe event takes effect once: a conditional put of this key joins the state change. */
  stripeEvent: (eventId: string) => ({ PK: `STRIPE_EVENT#${eventId}`, SK: 'EVENT' }),
} as const;

function pad(lineNo: number): string {
  return String(lineNo).padStart(3, '0');
}
