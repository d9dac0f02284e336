import type { Product } from '../../domain/catalogue.js';
import { planStockChange, type StockChange, type StockMovement, type StockReason } from '../../domain/stock.js';
import { ListingWriteRefused } from '../../ports/listing-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import { nowIso, type PavilionDeps } from './deps.js';
import { ownListing } from './ownership.js';
import { PavilionRefusedError, refusalOfWrite } from './refusal.js';

/** "Set on hand" is computed from a read; if checkout moves units in between, read and try again. */
const SET_ATTEMPTS = 3;

export interface StockRequest {
  readonly change: StockChange;
  readonly reason: StockReason;
  readonly note?: string;
}

/**
 * Adds or removes units, or sets the units counted on hand, with a reason kept in the listing's
 * stock history. The change is checked against the listing as read (domain/stock.ts) and written
 * as a delta the store applies only while free stock stays at or above zero.
 */
export async function changeStock(deps: Pick<PavilionDeps, 'listings' | 'onCatalogueChange' | 'clock'>, manager: Manager, id: string, request: StockRequest): Promise<Product> {
  const { change } = request;
  const field = change.kind === 'set' ? 'onHand' : 'delta';
  for (let attempt = 1; ; attempt++) {
    const product = await ownListing(deps, manager, id);
    const plan = planStockChange(product, change);
    if (!plan.ok) throw new PavilionRefusedError({ reason: 'stock_change_refused', plan, field, current: product });
    if (plan.delta === 0) return product;
    try {
      const after = await deps.listings.changeStock({
        id, pavilion: manager.pavilion, delta: plan.delta, reason: request.reason, by: manager.subject, at: nowIso(deps),
        ...(request.note ? { note: request.note } : {}),
        ...(change.kind === 'set' ? { expect: { stock: product.stock, reserved: product.reserved } } : {}),
      });
      deps.onCatalogueChange?.(id);
      return after;
    } catch (error) {
      if (!(error instanceof ListingWriteRefused)) throw error;
      if (error.reason === 'stock_moved' && attempt < SET_ATTEMPTS) continue;
      throw new PavilionRefusedError(refusalOfWrite(error, id, field));
    }
  }
}

/** The listing's latest stock movements, newest first. */
export async function stockHistory(deps: Pick<PavilionDeps, 'listings'>, manager: Manager, id: string): Promise<readonly StockMovement[]> {
  await ownListing(deps, manager, id);
  return deps.listings.stockMovements(id, 50);
}
