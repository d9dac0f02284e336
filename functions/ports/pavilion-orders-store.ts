import type { LineFulfilment, OrderLine } from '../domain/order.js';
import type { PavilionCode } from '../domain/pavilion.js';

export interface FulfilmentQuery {
  readonly pavilion: PavilionCode;
  /** Omitted: every paid line, shipped or not. */
  readonly fulfilment?: Exclude<LineFulfilment, 'awaiting_payment'>;
  readonly limit: number;
  readonly cursor?: string;
}

export interface FulfilmentPage {
  readonly items: readonly OrderLine[];
  readonly nextCursor: string | null;
}

export interface Shipment {
  readonly orderId: string;
  readonly lineNo: number;
  readonly pavilion: PavilionCode;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedAt: string;
}

/** Why a shipment was not recorded, with the line as it is now (null if there is none). */
export class ShipmentRefused extends Error {
  constructor(
    readonly reason: 'missing' | 'not_yours' | 'not_to_ship',
    readonly current: OrderLine | null,
  ) {
    super(`Shipment refused: ${reason}`);
    this.name = 'ShipmentRefused';
  }
}

/** A pavilion's side of the orders: its paid lines, newest first, and their shipment. */
export interface PavilionOrdersStore {
  linesToFulfil(query: FulfilmentQuery): Promise<FulfilmentPage>;
  markShipped(shipment: Shipment): Promise<OrderLine>;
}
