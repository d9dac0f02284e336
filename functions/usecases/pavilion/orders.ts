import type { OrderLine } from '../../domain/order.js';
import { ShipmentRefused, type FulfilmentPage, type FulfilmentQuery } from '../../ports/pavilion-orders-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import { nowIso, type PavilionDeps } from './deps.js';
import { PavilionRefusedError } from './refusal.js';

/** The pavilion's paid order lines, newest payment first. */
export function linesToFulfil(deps: Pick<PavilionDeps, 'pavilionOrders'>, manager: Manager, query: Omit<FulfilmentQuery, 'pavilion'>): Promise<FulfilmentPage> {
  return deps.pavilionOrders.linesToFulfil({ pavilion: manager.pavilion, ...query });
}

/** Marks one of the pavilion's paid lines shipped, with the carrier and tracking number the shopper's order page shows. */
export async function shipLine(
  deps: Pick<PavilionDeps, 'pavilionOrders' | 'clock'>,
  manager: Manager,
  shipment: { orderId: string; lineNo: number; carrier: string; trackingNumber: string },
): Promise<OrderLine> {
  try {
    return await deps.pavilionOrders.markShipped({ ...shipment, pavilion: manager.pavilion, shippedAt: nowIso(deps) });
  } catch (error) {
    if (!(error instanceof ShipmentRefused)) throw error;
    if (error.reason === 'missing') throw new PavilionRefusedError({ reason: 'no_such_order_line', orderId: shipment.orderId, lineNo: shipment.lineNo });
    if (error.reason === 'not_yours') throw new PavilionRefusedError({ reason: 'not_your_order_line' });
    throw new PavilionRefusedError({ reason: 'not_to_ship', current: error.current });
  }
}
