import type { FormValue } from './form.js';
import { newId, StripeRequestError } from './sessions.js';

/** The parts of a Stripe Refund this project uses, shaped like the real object. */
export interface LocalRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  reason: string | null;
  failure_reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

/** A paid session's charge, as charge.refunded carries it (with its refunds listed, as older API versions do). */
export interface LocalCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  currency: string;
  payment_intent: string;
  paid: true;
  refunded: boolean;
  metadata: Record<string, string>;
  refunds: { object: 'list'; data: LocalRefund[]; has_more: false; url: string };
  created: number;
}

/** A payment the server took: its charge, and what refunds (pending or succeeded) hold of it. */
export interface LocalPayment {
  readonly charge: LocalCharge;
  /** Pending and succeeded refunds: what cannot be refunded again. */
  held: number;
}

const KNOWN_PARAMS = new Set(['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
const REASONS = new Set(['duplicate', 'fraudulent', 'requested_by_customer']);

export function newCharge(paymentIntent: string, amount: number, currency: string, metadata: Record<string, string>, nowSeconds: number): LocalCharge {
  const id = newId('ch');
  return {
    id, object: 'charge', amount, amount_refunded: 0, currency, payment_intent: paymentIntent, paid: true, refunded: false, metadata,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    created: nowSeconds,
  };
}

/**
 * Validates create-refund parameters the way Stripe does for what we use, and builds a pending refund
 * on the payment (holding its amount, so the charge can never be refunded past what was paid).
 */
export function buildRefund(params: Record<string, FormValue>, payments: ReadonlyMap<string, LocalPayment>, nowSeconds: number): { refund: LocalRefund; payment: LocalPayment } {
  for (const key of Object.keys(params)) {
    if (!KNOWN_PARAMS.has(key)) throw invalid(`Received unknown parameter: ${key}`, key);
  }
  const byIntent = typeof params.payment_intent === 'string' ? payments.get(params.payment_intent) : undefined;
  const byCharge = typeof params.charge === 'string' ? [...payments.values()].find((entry) => entry.charge.id === params.charge) : undefined;
  if (params.payment_intent === undefined && params.charge === undefined) throw invalid('One of `charge` or `payment_intent` is required.');
  const payment = byIntent ?? byCharge;
  if (!payment) {
    const [param, id] = params.payment_intent !== undefined ? ['payment_intent', params.payment_intent] : ['charge', params.charge];
    throw new StripeRequestError(404, 'invalid_request_error', `No such ${param}: '${String(id)}'`, param, 'resource_missing');
  }
  const left = payment.charge.amount - payment.held;
  if (left <= 0) throw invalid(`Charge ${payment.charge.id} has already been refunded.`, undefined, 'charge_already_refunded');
  const amount = params.amount === undefined ? left : Number(params.amount);
  if (!Number.isInteger(amount) || amount < 1) throw invalid('Invalid positive integer', 'amount');
  if (amount > left) {
    throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, 'amount', 'amount_too_large');
  }
  const reason = params.reason === undefined ? null : String(params.reason);
  if (reason !== null && !REASONS.has(reason)) throw invalid(`Invalid reason: must be one of ${[...REASONS].join(', ')}`, 'reason');
  const metadata = params.metadata;
  if (metadata !== undefined && (typeof metadata !== 'object' || Array.isArray(metadata))) throw invalid('Invalid object', 'metadata');
  const refund: LocalRefund = {
    id: newId('re'),
    object: 'refund',
    amount,
    currency: payment.charge.currency,
    charge: payment.charge.id,
    payment_intent: payment.charge.payment_intent,
    status: 'pending',
    reason,
    failure_reason: null,
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, String(value)])),
    created: nowSeconds,
  };
  return { refund, payment };
}

/** The refund reaches its outcome: the charge counts it as refunded, or lets its amount go again. */
export function settleLocalRefund(refund: LocalRefund, payment: LocalPayment, outcome: 'succeeded' | 'failed'): void {
  refund.status = outcome;
  if (outcome === 'failed') {
    refund.failure_reason = 'expired_or_canceled_card';
    payment.held -= refund.amount;
    return;
  }
  const { charge } = payment;
  charge.amount_refunded += refund.amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds.data = [refund, ...charge.refunds.data.filter((other) => other.id !== refund.id)];
}

function invalid(message: string, param?: string, code?: string): StripeRequestError {
  return new StripeRequestError(400, 'invalid_request_error', message, param, code);
}
