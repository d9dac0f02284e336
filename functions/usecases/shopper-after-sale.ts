import { decideCancellation, type RefundRefusal } from '../domain/refund.js';
import { decideReturnRequest, type ReturnRefusal } from '../domain/returns.js';
import { OrderChangedError, type StoredOrder } from '../ports/order-store.js';
import { newRefundId } from './ids.js';
import { carryOutRefund, MAX_ATTEMPTS, nowOf, sendRefund } from './refunds.js';
import { closePaymentSession, releaseUnpaidOrder } from './release-unpaid-order.js';
import type { ShopDeps } from './shop-deps.js';
import { orderForShopper } from './shopper-order.js';

/** Every way the shopper's after-sale requests are refused; http/order-app.ts answers each. */
export type ShopperAfterSaleRefusal =
  | RefundRefusal
  | ReturnRefusal
  /** No such order, or the token does not open it (the same answer: an id is never confirmed). */
  | { readonly reason: 'no_such_order' }
  /** Unpaid, but the shopper is paying right now (the session completed): the payment decides first. */
  | { readonly reason: 'payment_in_progress' }
  /** The payment provider could not be reached to close the unpaid order's session. */
  | { readonly reason: 'provider_failed' };

export class ShopperAfterSaleRefusedError extends Error {
  constructor(readonly refusal: ShopperAfterSaleRefusal) {
    super(`Request refused: ${refusal.reason}`);
    this.name = 'ShopperAfterSaleRefusedError';
  }
}

type Deps = ShopDeps;

/**
 * The shopper cancels their order (domain/refund.ts decideCancellation). Unpaid: its payment session
 * is closed first, as the sweep does, then the reservation is released. Paid and nothing shipped:
 * it is cancelled now with a full refund requested; the units and the yearly allowance come back
 * when the provider confirms the refund. Cancelling again answers the same order (and sends a refund
 * the provider never took again).
 */
export async function cancelOrder(deps: Deps, orderId: string, token: string): Promise<StoredOrder> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await orderForShopper(deps, orderId, token);
    if (!stored) throw new ShopperAfterSaleRefusedError({ reason: 'no_such_order' });
    const now = nowOf(deps);
    const decision = decideCancellation(stored, { refundId: newRefundId(), now, actor: { role: 'shopper' } });
    switch (decision.kind) {
      case 'refused':
        throw new ShopperAfterSaleRefusedError(decision.refusal);
      case 'release': {
        const session = await closePaymentSession(deps, stored.order);
        if (session === 'complete') throw new ShopperAfterSaleRefusedError({ reason: 'payment_in_progress' });
        if (session === 'unreachable') throw new ShopperAfterSaleRefusedError({ reason: 'provider_failed' });
        if (await releaseUnpaidOrder(deps.orders, stored.order, 'cancelled', { now, note: 'cancelled by the shopper before paying' })) return reread(deps, orderId);
        continue;
      }
      case 'already_cancelled':
        for (const refund of stored.refunds.filter((entry) => entry.status === 'requested' && !entry.providerRefundId)) await sendRefund(deps, stored.order, refund);
        return reread(deps, orderId);
      case 'refund':
        try {
          await carryOutRefund(deps, stored.order, decision.plan);
        } catch (error) {
          if (error instanceof OrderChangedError) continue;
          throw error;
        }
        return reread(deps, orderId);
    }
  }
  throw new Error(`Order ${orderId} kept changing while it was cancelled`);
}

/**
 * The shopper asks to return a shipped line, within 30 days of its estimated clearance
 * (domain/returns.ts). The line's pavilion then accepts or declines it.
 */
export async function requestReturn(deps: Deps, orderId: string, token: string, lineNo: number, reason: string): Promise<StoredOrder> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await orderForShopper(deps, orderId, token);
    if (!stored) throw new ShopperAfterSaleRefusedError({ reason: 'no_such_order' });
    const decision = decideReturnRequest(stored.lines, lineNo, reason, nowOf(deps));
    if (decision.kind === 'refused') throw new ShopperAfterSaleRefusedError(decision.refusal);
    try {
      await deps.refunds.writeReturn(orderId, lineNo, decision.next, { was: undefined });
    } catch (error) {
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
    deps.telemetry.info('return requested', { orderId, lineNo });
    return reread(deps, orderId);
  }
  throw new Error(`Order ${orderId} kept changing while a return was asked for`);
}

async function reread(deps: Deps, orderId: string): Promise<StoredOrder> {
  const stored = await deps.orders.get(orderId);
  if (!stored) throw new Error(`Order ${orderId} disappeared`);
  return stored;
}
