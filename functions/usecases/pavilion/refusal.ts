import type { Product } from '../../domain/catalogue.js';
import type { FieldIssue } from '../../domain/listing.js';
import type { OrderLine } from '../../domain/order.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import type { RefundRefusal } from '../../domain/refund.js';
import type { ReturnRefusal } from '../../domain/returns.js';
import type { StockPlan } from '../../domain/stock.js';
import { ListingWriteRefused } from '../../ports/listing-store.js';

/** Which field of a stock change the manager sent: a delta, or the units counted on hand. */
export type StockField = 'delta' | 'onHand';

/** Every way the workspace refuses a manager's request; http/pavilion/problems.ts answers each. */
export type PavilionRefusal =
  /** The manager's pavilion is not open on the site: a token for it manages nothing. `pavilion` when it was read by code. */
  | { readonly reason: 'unknown_pavilion'; readonly pavilion?: PavilionCode }
  /** A listing breaks a rule its schema cannot know (its currency is not the pavilion's, say). */
  | { readonly reason: 'invalid_listing'; readonly issues: readonly FieldIssue[] }
  | { readonly reason: 'no_such_listing'; readonly id: string }
  /** Another pavilion's listing (or, for an image, a product id outside the manager's pavilion). */
  | { readonly reason: 'not_your_listing'; readonly for?: 'images' }
  /** The listing moved on since the manager opened it. */
  | { readonly reason: 'stale_version'; readonly current: Product | null }
  | { readonly reason: 'sku_exists'; readonly current: Product | null }
  /** Archiving an archived listing, or restoring an active one. */
  | { readonly reason: 'already_in_status'; readonly current: Product | null }
  /** The stock rules refuse the change as asked (domain/stock.ts planStockChange). */
  | { readonly reason: 'stock_change_refused'; readonly plan: Extract<StockPlan, { ok: false }>; readonly field: StockField; readonly current: Product }
  /** Checkouts reserved units while the change was written: fewer are free than it takes. */
  | { readonly reason: 'not_enough_free_stock'; readonly field: StockField; readonly current: Product | null }
  | { readonly reason: 'no_such_order_line'; readonly orderId: string; readonly lineNo: number }
  | { readonly reason: 'not_your_order_line' }
  /** Shipped already, not paid yet, or refunded or cancelled before it shipped. */
  | { readonly reason: 'not_to_ship'; readonly current: OrderLine | null }
  /** The refund rules refuse to refund the line as it is (domain/refund.ts). */
  | { readonly reason: 'refund_refused'; readonly refusal: Exclude<RefundRefusal, { reason: 'no_such_line' }> }
  /** The return rules refuse the step (domain/returns.ts). */
  | { readonly reason: 'return_refused'; readonly refusal: Exclude<ReturnRefusal, { reason: 'no_such_line' }> }
  /** The upload receiver answers only where the server itself takes uploads (the local runner). */
  | { readonly reason: 'uploads_elsewhere' }
  /** The local upload receiver refused the file: a bad signature, type or size. */
  | { readonly reason: 'upload_refused'; readonly status: 400 | 403 | 413 | 415; readonly message: string }
  | { readonly reason: 'csv_unreadable'; readonly message: string }
  | { readonly reason: 'csv_empty' }
  | { readonly reason: 'csv_header_mismatch'; readonly unknown: readonly string[]; readonly missing: readonly string[] }
  | { readonly reason: 'too_many_rows'; readonly rows: number; readonly maxRows: number };

export class PavilionRefusedError extends Error {
  constructor(readonly refusal: PavilionRefusal) {
    super(`Pavilion request refused: ${refusal.reason}`);
    this.name = 'PavilionRefusedError';
  }
}

/** A listing store's refusal of a guarded write, as the workspace's refusal of the request. */
export function refusalOfWrite(refused: ListingWriteRefused, id: string, field: StockField = 'delta'): PavilionRefusal {
  const current = refused.current;
  switch (refused.reason) {
    case 'missing':
      return { reason: 'no_such_listing', id };
    case 'not_yours':
      return { reason: 'not_your_listing' };
    case 'stale_version':
      return { reason: 'stale_version', current };
    case 'exists':
      return { reason: 'sku_exists', current };
    case 'below_reserved':
    case 'stock_moved':
      return { reason: 'not_enough_free_stock', field, current };
    case 'wrong_status':
      return { reason: 'already_in_status', current };
    case 'unknown_pavilion':
      return { reason: 'unknown_pavilion' };
  }
}

/** Runs a listing store write; its refusal becomes the workspace's. */
export async function guarded<T>(id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ListingWriteRefused) throw new PavilionRefusedError(refusalOfWrite(error, id));
    throw error;
  }
}
