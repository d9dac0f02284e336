import { addMinutes, SESSION_GRACE_MINUTES } from '../domain/order.js';
import { maskEmails } from '../ports/telemetry.js';
import { closePaymentSession, releaseUnpaidOrder } from './release-unpaid-order.js';
import { settlePaymentEvent, type SettleDeps } from './settle-payment.js';

/** The sweep settles a paid session the way the webhook would, so it needs what settling needs. */
export type SweepDeps = SettleDeps;

export interface SweepReport {
  readonly released: number;
  /** Sessions the shopper completed whose payment is still on its way: looked at again a day later. */
  readonly postponed: number;
  /** Sessions found paid with the order still pending (webhooks failed or were refused): settled from the session. */
  readonly settled: number;
  readonly skipped: number;
  /** Orders that threw: each is left as it was for the next run, and counted for the alarm. */
  readonly failed: number;
}

type Outcome = 'released' | 'postponed' | 'settled' | 'skipped';

/** Up to this many lapsed orders per run; the timer (or schedule) runs again soon. */
const BATCH = 200;

/** A completed session whose payment has not settled (async methods) is looked at again this much later. */
const ASYNC_PAYMENT_WAIT_MINUTES = 24 * 60;

/**
 * Releases the stock of orders nobody paid, whether or not Stripe's checkout.session.expired
 * ever arrives. Finds them with a Query on the pending-orders index (never a Scan), closes each
 * Stripe session first so it can no longer be paid, then releases in the same conditional
 * transaction the webhook uses: a sweep racing another sweep or the webhook releases once.
 */
export async function sweepExpiredOrders(deps: SweepDeps, now: Date = deps.clock.now()): Promise<SweepReport> {
  const cutoff = now.toISOString();
  const tally = { released: 0, postponed: 0, settled: 0, skipped: 0, failed: 0 };
  for (const candidate of await deps.orders.listLapsed(cutoff, BATCH)) {
    // One order that cannot be handled must not keep every later reservation held.
    try {
      tally[await sweepOne(deps, candidate.orderId, cutoff)]++;
    } catch (error) {
      tally.failed++;
      deps.telemetry.error('sweep could not handle an order', { orderId: candidate.orderId, error: (error as Error).name, detail: maskEmails((error as Error).message) });
    }
  }
  deps.telemetry.info('sweep finished', tally);
  // Only a sweep that released something counts: a quiet sweep every few minutes adds no data point.
  if (tally.released > 0) deps.telemetry.count('ReservationsReleased', tally.released);
  if (tally.failed > 0) deps.telemetry.count('SweepOrderFailed', tally.failed);
  return tally;
}

async function sweepOne(deps: SweepDeps, orderId: string, cutoff: string): Promise<Outcome> {
  // The index is eventually consistent: decide from the order itself.
  const stored = await deps.orders.get(orderId);
  const order = stored?.order;
  if (!order || order.status !== 'pending_payment' || order.expiresAt >= cutoff) return 'skipped';
  const session = await closePaymentSession(deps, order);
  if (session === 'complete') {
    if (await settledFromSession(deps, order.orderId, order.paymentSessionId!)) return 'settled';
    await deps.orders.postponeExpiry(order.orderId, addMinutes(cutoff, ASYNC_PAYMENT_WAIT_MINUTES));
    return 'postponed';
  }
  // Stripe's session outlives the reservation by a grace minute; past it the session cannot be paid anyway.
  if (session === 'unreachable' && addMinutes(order.expiresAt, SESSION_GRACE_MINUTES) > cutoff) return 'skipped';
  return (await releaseUnpaidOrder(deps.orders, order, 'expired', { now: cutoff, note: 'the reservation lapsed unpaid' })) ? 'released' : 'skipped';
}

/**
 * The shopper paid but no event settled the order: Stripe gave up after its retries, or the event
 * was refused. The session says what the event would have said; the webhook's own use case settles
 * it (once: the synthetic event id is recorded like a real one). Still paying (an async method) or
 * not matching the order: false, and the order waits (operators see it under "needs attention").
 */
async function settledFromSession(deps: SweepDeps, orderId: string, sessionId: string): Promise<boolean> {
  const event = await deps.payments.sessionPayment(sessionId);
  if (event.outcome !== 'paid') return false;
  const outcome = await settlePaymentEvent(deps, event);
  if (outcome.result !== 'applied' && outcome.result !== 'duplicate') return false;
  deps.telemetry.warn('a paid order had no settling event; settled from its session', { orderId, eventId: event.eventId });
  return true;
}
