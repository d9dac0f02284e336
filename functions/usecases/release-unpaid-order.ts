import type { Order } from '../domain/order.js';
import { OrderChangedError, type ApplyOptions, type OrderStore } from '../ports/order-store.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import { maskEmails, type Telemetry } from '../ports/telemetry.js';

/**
 * The two steps that put an unpaid order's units back, shared by the sweep (a reservation lapsed)
 * and checkout (the shopper checked the same cart out again). The session is closed first, so it
 * can no longer be paid; the release is the conditional transaction the webhook uses too, so
 * whichever of them (or Stripe's checkout.session.expired) comes first releases, and only once.
 */

/** none: the order has no session yet; unreachable: the provider did not answer (the session may still be open). */
export type SessionClosing = 'expired' | 'complete' | 'unreachable' | 'none';

export async function closePaymentSession(
  deps: { readonly payments: PaymentGateway; readonly telemetry: Telemetry },
  order: Pick<Order, 'orderId' | 'paymentSessionId'>,
): Promise<SessionClosing> {
  if (!order.paymentSessionId) return 'none';
  try {
    return await deps.payments.expireCheckoutSession(order.paymentSessionId);
  } catch (error) {
    deps.telemetry.warn('could not expire the checkout session', { orderId: order.orderId, error: (error as Error).name, detail: maskEmails((error as Error).message) });
    return 'unreachable';
  }
}

/** Releases the order's reserved units; false when the order had moved on since it was read (someone else released it, or a session was attached). */
export async function releaseUnpaidOrder(
  orders: OrderStore,
  order: Order,
  status: 'expired' | 'payment_failed' | 'cancelled',
  options: Pick<ApplyOptions, 'now' | 'note'>,
): Promise<boolean> {
  try {
    await orders.apply(order, { kind: 'release', status }, options);
    return true;
  } catch (error) {
    if (error instanceof OrderChangedError) return false;
    throw error;
  }
}
