import { decide, ORDER_ID, type OrderStatus } from '../domain/order.js';
import { REFUND_ID } from '../domain/refund.js';
import type { Clock } from '../ports/clock.js';
import { EventAlreadyProcessedError, OrderChangedError, type OrderStore, type StoredOrder } from '../ports/order-store.js';
import { InvalidWebhookError, type PaymentEvent, type PaymentGateway } from '../ports/payment-gateway.js';
import type { RefundStore } from '../ports/refund-store.js';
import type { RefusedEventLog } from '../ports/operator-console-store.js';
import type { LedgerStore } from '../ports/ledger-store.js';
import { paymentRecords } from '../domain/settlement.js';
import type { Telemetry } from '../ports/telemetry.js';
import { settleRefundReport, type RefundSettleResult } from './refunds.js';

/** The ledger is read for each pavilion's commission rate when an order becomes paid. */
export type SettleDeps = {
  readonly orders: OrderStore; readonly refunds: RefundStore; readonly payments: PaymentGateway; readonly clock: Clock; readonly telemetry: Telemetry;
  readonly ledger: Pick<LedgerStore, 'accounts'>;
};

export type SettleResult =
  | { readonly result: 'applied'; readonly status: OrderStatus; readonly refundStatus?: string }
  | { readonly result: 'duplicate' | 'no_change' | 'ignored' | 'unknown_order' }
  | { readonly result: 'mismatch'; readonly reason: string };

const MAX_ATTEMPTS = 5;

/**
 * A payment provider's delivery: its signature is checked over the raw bytes first, and only a
 * verified event is settled. A refused signature is counted: a rotated or wrong signing secret
 * shows there first, as every one of the provider's deliveries failing.
 */
export async function settleDelivery(
  deps: SettleDeps & { readonly refusedEvents?: RefusedEventLog },
  rawBody: string,
  signature: string,
): Promise<SettleResult | { readonly result: 'bad_signature' }> {
  let event: PaymentEvent;
  try {
    event = await deps.payments.verifyWebhook(rawBody, signature);
  } catch (error) {
    if (!(error instanceof InvalidWebhookError)) throw error;
    deps.telemetry.count('WebhookRejected');
    deps.telemetry.warn('webhook signature refused', { detail: error.message });
    return { result: 'bad_signature' };
  }
  const outcome = await settlePaymentEvent(deps, event);
  if (outcome.result === 'mismatch') await recordRefusal(deps, event, outcome.reason);
  return outcome;
}

/**
 * A verified event that does not match its order is kept for operators (the console's "needs
 * attention"): money may have moved at the provider that the store will not account for.
 */
async function recordRefusal(deps: { readonly refusedEvents?: RefusedEventLog; readonly clock: Clock }, event: PaymentEvent, mismatch: string): Promise<void> {
  const orderId = event.orderId ?? event.refunds.find((report) => report.orderId)?.orderId;
  if (!deps.refusedEvents || !orderId || !ORDER_ID.test(orderId)) return;
  await deps.refusedEvents.record({
    eventId: event.eventId, eventType: event.type, orderId, mismatch, at: deps.clock.now().toISOString(),
    ...(event.amount ? { received: event.amount } : {}),
  });
}

/**
 * Applies a verified payment event to its order, at most once per event id, whatever order and
 * however often events arrive: each attempt reads the order, decides from its current status and
 * writes conditioned on that status together with the event id, so a race only means deciding again.
 */
export async function settlePaymentEvent(
  deps: SettleDeps,
  event: PaymentEvent,
): Promise<SettleResult> {
  const { telemetry } = deps;
  if (event.refunds.length > 0) return settleRefundEvent(deps, event);
  if (!event.outcome) return { result: 'ignored' };
  if (!event.orderId || !ORDER_ID.test(event.orderId)) {
    telemetry.warn('payment event for no order of ours', { eventId: event.eventId, type: event.type });
    return { result: 'unknown_order' };
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.orders.get(event.orderId);
    if (!stored) {
      telemetry.warn('payment event for an unknown order', { eventId: event.eventId, type: event.type, orderId: event.orderId });
      return { result: 'unknown_order' };
    }
    const { order } = stored;
    const mismatch =
      order.paymentSessionId && event.sessionId && order.paymentSessionId !== event.sessionId
        ? 'session'
        : !event.amount || event.amount.currency !== order.total.currency
          ? 'currency'
          : event.amount.amount !== order.total.amount
            ? 'amount'
            : null;
    if (mismatch) {
      // Amounts are not personal data; the shopper's email never appears in logs.
      telemetry.count('WebhookRejected');
      telemetry.error('payment event does not match its order; refused', {
        eventId: event.eventId, type: event.type, orderId: order.orderId, mismatch,
        expectedAmount: order.total.amount, expectedCurrency: order.total.currency,
        receivedAmount: event.amount?.amount, receivedCurrency: event.amount?.currency,
      });
      return { result: 'mismatch', reason: `the event's ${mismatch} does not match the order` };
    }
    const decision = decide(order, event.outcome);
    if (decision.kind === 'none') {
      if (order.status === 'cancelled' && event.outcome === 'paid') {
        telemetry.error('payment arrived for a cancelled order; refund it', { eventId: event.eventId, orderId: order.orderId, paymentId: event.paymentId ?? undefined });
      }
      return { result: 'no_change' };
    }
    try {
      const now = deps.clock.now().toISOString();
      const status = await deps.orders.apply(order, decision, {
        now,
        eventId: event.eventId,
        ...(event.paymentId ? { paymentId: event.paymentId } : {}),
        ...(decision.kind === 'release' ? {} : { ledger: await paymentLedger(deps, stored, now) }),
      });
      telemetry.info('payment event applied', { eventId: event.eventId, type: event.type, orderId: order.orderId, from: order.status, to: status });
      // Counted here, after the write that recorded the event id: a redelivered event never gets this far.
      if (status === 'paid') telemetry.count('OrdersPaid');
      if (status === 'paid_needs_attention') telemetry.error('paid order cannot be fulfilled; refund or restock it', { orderId: order.orderId, eventId: event.eventId });
      return { result: 'applied', status };
    } catch (error) {
      if (error instanceof EventAlreadyProcessedError) return { result: 'duplicate' };
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
  }
  throw new Error(`Order ${event.orderId} kept changing while event ${event.eventId} was applied`);
}

/**
 * A refund event: each refund it reports is settled on its own (domain/refund.ts decideRefund), its
 * dedup record the event's id (with the provider's refund id when one event reports several). A
 * refund with none of our metadata was made elsewhere (the provider's dashboard): logged, not applied.
 */
async function settleRefundEvent(
  deps: SettleDeps,
  event: PaymentEvent,
): Promise<SettleResult> {
  const results: RefundSettleResult[] = [];
  for (const report of event.refunds) {
    if (!report.refundId || !report.orderId || !REFUND_ID.test(report.refundId) || !ORDER_ID.test(report.orderId)) {
      deps.telemetry.warn('refund event for a refund we did not ask for', { eventId: event.eventId, type: event.type, providerRefundId: report.providerRefundId });
      continue;
    }
    const dedupId = event.refunds.length === 1 ? event.eventId : `${event.eventId}/${report.providerRefundId}`;
    results.push(await settleRefundReport(deps, { ...report, refundId: report.refundId, orderId: report.orderId }, dedupId));
  }
  const mismatch = results.find((result) => result.result === 'mismatch');
  if (mismatch) return mismatch;
  const applied = results.filter((result) => result.result === 'applied');
  if (applied.length > 0) return applied[applied.length - 1]!;
  if (results.some((result) => result.result === 'duplicate')) return { result: 'duplicate' };
  if (results.some((result) => result.result === 'no_change')) return { result: 'no_change' };
  return results.length > 0 ? { result: 'unknown_order' } : { result: 'ignored' };
}

/** What the payment appends to each pavilion's ledger, at each pavilion's commission rate now (domain/settlement.ts). */
async function paymentLedger(deps: Pick<SettleDeps, 'ledger'>, stored: StoredOrder, now: string) {
  const accounts = await deps.ledger.accounts(stored.lines.map((line) => line.pavilion));
  const commissionBp = Object.fromEntries([...accounts].map(([pavilion, account]) => [pavilion, account.commissionBp]));
  return { records: paymentRecords(stored.order, stored.lines, commissionBp, now), commissionBp };
}
