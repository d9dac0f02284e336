import { decideRefund, planSettlement, type Refund, type RefundRequestPlan, type ReportedRefundStatus } from '../domain/refund.js';
import type { Money } from '../domain/money.js';
import { refundRecords } from '../domain/settlement.js';
import type { Order, OrderStatus } from '../domain/order.js';
import type { Clock } from '../ports/clock.js';
import { EventAlreadyProcessedError, OrderChangedError, type OrderStore } from '../ports/order-store.js';
import { PaymentProviderError, PaymentRequestRefusedError, type PaymentGateway } from '../ports/payment-gateway.js';
import type { RefundStore, RequestOptions } from '../ports/refund-store.js';
import { maskEmails, type Telemetry } from '../ports/telemetry.js';

/** What every refund flow needs: the shop's, the workspace's and the operators' deps all have these. */
export interface RefundDeps {
  readonly orders: Pick<OrderStore, 'get'>;
  readonly refunds: RefundStore;
  readonly payments: PaymentGateway;
  readonly telemetry: Telemetry;
  readonly clock?: Clock;
}

export function nowOf(deps: { readonly clock?: Clock }): string {
  return (deps.clock?.now() ?? new Date()).toISOString();
}

/** Reading, deciding and writing again this often when the order keeps changing under a request. */
export const MAX_ATTEMPTS = 5;

/**
 * Writes a planned refund request (one transaction: ports/refund-store.ts request) and asks the
 * provider for the money. OrderChangedError means the order moved since it was read: the caller reads
 * and decides again. The refund counts only when the provider's event confirms it.
 */
export async function carryOutRefund(deps: RefundDeps, order: Order, plan: RefundRequestPlan, options: RequestOptions = {}): Promise<void> {
  await deps.refunds.request(order, plan, options);
  deps.telemetry.info('refund requested', {
    orderId: order.orderId, refundId: plan.refund.refundId, cause: plan.refund.cause, amount: plan.refund.amount.amount, currency: plan.refund.amount.currency,
    lines: plan.refund.lines.map((line) => String(line.lineNo)),
  });
  await sendRefund(deps, order, plan.refund);
}

export type Sending = 'sent' | 'refused' | 'unreachable';

/**
 * Asks the provider for a requested refund, with an idempotency key made from the refund id, so
 * asking again (the sweep, a repeated cancellation) never refunds twice. A refusal fails the refund
 * at once, exactly as a failure event would; an outage leaves it on the unsent list for the sweep.
 */
export async function sendRefund(deps: RefundDeps, order: Pick<Order, 'orderId' | 'paymentId'>, refund: Refund): Promise<Sending> {
  if (!order.paymentId) {
    // Orders paid before the payment id was recorded cannot be refunded through the provider's API.
    await failRefund(deps, order.orderId, refund.refundId, 'the order has no recorded payment to refund: refund it in the provider’s dashboard');
    return 'refused';
  }
  try {
    const taken = await deps.payments.refund({
      paymentId: order.paymentId,
      amount: refund.amount,
      idempotencyKey: `refund-${refund.refundId}`,
      metadata: { refundId: refund.refundId, orderId: order.orderId },
      requestedByCustomer: refund.cause === 'cancellation' || refund.cause === 'return',
    });
    await deps.refunds.markSent(order.orderId, refund.refundId, taken.providerRefundId, nowOf(deps));
    return 'sent';
  } catch (error) {
    if (error instanceof PaymentRequestRefusedError) {
      deps.telemetry.error('the payment provider refused a refund', { orderId: order.orderId, refundId: refund.refundId, detail: maskEmails(error.providerMessage) });
      await failRefund(deps, order.orderId, refund.refundId, maskEmails(error.providerMessage));
      return 'refused';
    }
    if (!(error instanceof PaymentProviderError)) throw error;
    deps.telemetry.warn('refund not sent; the sweep sends it again', { orderId: order.orderId, refundId: refund.refundId, detail: maskEmails(error.message) });
    return 'unreachable';
  }
}

async function failRefund(deps: RefundDeps, orderId: string, refundId: string, failureReason: string): Promise<void> {
  await settleRefundReport(deps, { orderId, refundId, status: 'failed', failureReason, providerRefundId: null, amount: null });
}

/** A refund's outcome as the provider reported it (an event), or as we learnt it (its refusal). */
export interface RefundOutcome {
  readonly orderId: string;
  readonly refundId: string;
  readonly status: ReportedRefundStatus;
  readonly providerRefundId: string | null;
  /** Checked against the refund when the provider states it. */
  readonly amount: Money | null;
  readonly failureReason: string | null;
}

export type RefundSettleResult =
  | { readonly result: 'applied'; readonly status: OrderStatus; readonly refundStatus: Refund['status'] }
  | { readonly result: 'duplicate' | 'no_change' | 'unknown_refund' }
  | { readonly result: 'mismatch'; readonly reason: string };

/**
 * Settles one refund from a report, at most once per event id, whatever order and however often
 * reports arrive: each attempt reads the order and its refunds, decides from the refund's status
 * (domain/refund.ts decideRefund) and writes conditioned on what it read, together with the event id.
 */
export async function settleRefundReport(deps: RefundDeps, outcome: RefundOutcome, eventId?: string): Promise<RefundSettleResult> {
  const { telemetry } = deps;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.orders.get(outcome.orderId);
    const refund = stored?.refunds.find((candidate) => candidate.refundId === outcome.refundId);
    if (!stored || !refund) {
      telemetry.warn('refund event for no refund of ours', { eventId, orderId: outcome.orderId, refundId: outcome.refundId });
      return { result: 'unknown_refund' };
    }
    if (outcome.amount && (outcome.amount.currency !== refund.amount.currency || outcome.amount.amount !== refund.amount.amount)) {
      telemetry.count('WebhookRejected');
      telemetry.error('refund event does not match its refund; refused', {
        eventId, orderId: outcome.orderId, refundId: refund.refundId,
        expectedAmount: refund.amount.amount, expectedCurrency: refund.amount.currency, receivedAmount: outcome.amount.amount, receivedCurrency: outcome.amount.currency,
      });
      return { result: 'mismatch', reason: "the event's amount does not match the refund" };
    }
    const settlement = decideRefund(refund, outcome.status);
    if (settlement.kind === 'none') return { result: 'no_change' };
    const now = nowOf(deps);
    const plan = planSettlement(stored, refund, settlement, now);
    const ledger = settlement.kind === 'fail' ? [] : refundRecords(stored, refund, settlement.kind, now);
    try {
      await deps.refunds.settle(stored.order, refund, plan, {
        now,
        ...(ledger.length > 0 ? { ledger } : {}),
        ...(eventId ? { eventId } : {}),
        ...(outcome.providerRefundId ? { providerRefundId: outcome.providerRefundId } : {}),
        ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
      });
    } catch (error) {
      if (error instanceof EventAlreadyProcessedError) return { result: 'duplicate' };
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
    telemetry.info('refund settled', { eventId, orderId: outcome.orderId, refundId: refund.refundId, from: refund.status, to: plan.refundStatus, orderStatus: plan.status });
    // Counted after the write that recorded the event: a redelivered event never gets this far.
    if (plan.refundStatus === 'succeeded') telemetry.count('RefundsSucceeded');
    else {
      telemetry.count('RefundsFailed');
      telemetry.error('refund failed; an operator must resolve it', { orderId: outcome.orderId, refundId: refund.refundId, reason: outcome.failureReason ?? 'not given' });
    }
    return { result: 'applied', status: plan.status, refundStatus: plan.refundStatus };
  }
  throw new Error(`Order ${outcome.orderId} kept changing while refund ${outcome.refundId} was settled`);
}

/** Refunds the provider could not be reached for are sent again after this long (the request may still be on its way). */
const RESEND_AFTER_MINUTES = 2;
const RESEND_BATCH = 100;

/**
 * Sends again the refunds the provider never took (it could not be reached when they were asked
 * for), from the unsent list: run with the sweep. The idempotency key is the refund's, so a request
 * that did reach the provider is answered with the refund it already made.
 */
export async function resendUnsentRefunds(deps: RefundDeps, now: Date = deps.clock?.now() ?? new Date()): Promise<{ readonly sent: number; readonly failed: number; readonly unreachable: number }> {
  const before = new Date(now.getTime() - RESEND_AFTER_MINUTES * 60_000).toISOString();
  const report = { sent: 0, failed: 0, unreachable: 0 };
  for (const candidate of await deps.refunds.listUnsent(before, RESEND_BATCH)) {
    // The index is eventually consistent: decide from the order's own records.
    const stored = await deps.orders.get(candidate.orderId);
    const refund = stored?.refunds.find((entry) => entry.refundId === candidate.refundId);
    if (!stored || !refund || refund.status !== 'requested' || refund.providerRefundId) continue;
    const sending = await sendRefund(deps, stored.order, refund);
    if (sending === 'sent') report.sent++;
    else if (sending === 'refused') report.failed++;
    else report.unreachable++;
  }
  if (report.sent + report.failed + report.unreachable > 0) deps.telemetry.info('unsent refunds sent again', report);
  return report;
}
