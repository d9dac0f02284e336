import type Stripe from 'stripe';
import { isCurrency, money } from '../../domain/money.js';
import type { PaymentOutcome } from '../../domain/order.js';
import type { ReportedRefundStatus } from '../../domain/refund.js';
import {
  InvalidWebhookError,
  PaymentProviderError,
  PaymentRequestRefusedError,
  type CheckoutSession,
  type CheckoutSessionRequest,
  type PaymentEvent,
  type PaymentGateway,
  type ProviderRefund,
  type RefundReport,
  type RefundRequest,
} from '../../ports/payment-gateway.js';

/** stripe-node's default and Stripe's advice: a signature older than five minutes is a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Stripe Checkout Sessions as our payment gateway. */
export class StripePaymentGateway implements PaymentGateway {
  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
  ) {}

  async createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession> {
    const currency = request.total.currency.toLowerCase();
    try {
      const session = await this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: request.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency,
              unit_amount: line.unitAmount.amount,
              product_data: { name: line.name, ...(line.imageUrl ? { images: [line.imageUrl] } : {}) },
            },
          })),
          // API 2026-10-28: a filter on what Stripe finds eligible for the currency and amount (replaces payment_method_types).
          allowed_payment_method_types: [...request.paymentMethods],
          // WeChat Pay in Checkout must be told it runs in a browser (Stripe docs, wechat-pay/accept-a-payment).
          ...(request.paymentMethods.includes('wechat_pay') ? { payment_method_options: { wechat_pay: { client: 'web' as const } } } : {}),
          customer_email: request.email,
          client_reference_id: request.orderId,
          metadata: { orderId: request.orderId },
          payment_intent_data: { metadata: { orderId: request.orderId } },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          locale: request.language,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new PaymentProviderError('Stripe gave a session without a URL');
      return { sessionId: session.id, url: session.url };
    } catch (error) {
      if (error instanceof PaymentProviderError) throw error;
      // Stripe refusing our parameters (HTTP 400/404 invalid_request_error) is an answer, not an outage.
      if (isInvalidRequest(error)) throw new PaymentRequestRefusedError((error as Error).message, (error as { param?: string }).param ?? null, error);
      throw new PaymentProviderError(`Stripe refused the checkout session: ${(error as Error).message}`, error);
    }
  }

  async expireCheckoutSession(sessionId: string): Promise<'expired' | 'complete'> {
    try {
      const session = await this.stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === 'complete') return 'complete';
      if (session.status === 'expired') return 'expired';
      try {
        await this.stripe.checkout.sessions.expire(sessionId);
        return 'expired';
      } catch {
        // Paid in the moment between the two calls: ask again.
        const again = await this.stripe.checkout.sessions.retrieve(sessionId);
        if (again.status === 'complete') return 'complete';
        if (again.status === 'expired') return 'expired';
        throw new PaymentProviderError('Stripe would not expire an open session');
      }
    } catch (error) {
      if (error instanceof PaymentProviderError) throw error;
      throw new PaymentProviderError(`Stripe could not expire the session: ${(error as Error).message}`, error);
    }
  }

  async sessionPayment(sessionId: string): Promise<PaymentEvent> {
    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripe.checkout.sessions.retrieve(sessionId);
    } catch (error) {
      throw new PaymentProviderError(`Stripe could not be asked about the session: ${(error as Error).message}`, error);
    }
    // Read as its completed event would have been; one id per payment status, so each state settles once.
    return sessionEvent(`sweep_${session.id}_${session.payment_status}`, 'checkout.session.completed', session);
  }

  async refund(request: RefundRequest): Promise<ProviderRefund> {
    try {
      const refund = await this.stripe.refunds.create(
        {
          payment_intent: request.paymentId,
          amount: request.amount.amount,
          metadata: { refundId: request.metadata.refundId, orderId: request.metadata.orderId },
          ...(request.requestedByCustomer ? { reason: 'requested_by_customer' as const } : {}),
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { providerRefundId: refund.id, status: refundStatusOf(refund.status) };
    } catch (error) {
      // Stripe refusing (more than is left on the charge, a charge disputed meanwhile) is an answer, not an outage.
      if (isInvalidRequest(error)) throw new PaymentRequestRefusedError((error as Error).message, (error as { param?: string }).param ?? null, error);
      throw new PaymentProviderError(`Stripe could not refund: ${(error as Error).message}`, error);
    }
  }

  async verifyWebhook(rawBody: string, signature: string): Promise<PaymentEvent> {
    let event: Stripe.Event;
    try {
      event = await this.stripe.webhooks.constructEventAsync(rawBody, signature, this.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      throw new InvalidWebhookError((error as Error).message);
    }
    return toPaymentEvent(event);
  }
}

/** stripe-node's StripeInvalidRequestError, told by its type fields (this file imports only Stripe's types). */
function isInvalidRequest(error: unknown): boolean {
  const { type, rawType } = (error ?? {}) as { type?: string; rawType?: string };
  return type === 'StripeInvalidRequestError' || rawType === 'invalid_request_error';
}

const OUTCOMES: Record<string, (session: Stripe.Checkout.Session) => PaymentOutcome | null> = {
  'checkout.session.completed': (session) =>
    session.payment_status === 'paid' ? 'paid' : session.payment_status === 'unpaid' ? 'awaiting_async_payment' : null,
  'checkout.session.async_payment_succeeded': () => 'paid',
  'checkout.session.async_payment_failed': () => 'failed',
  'checkout.session.expired': () => 'expired',
};

/**
 * Stripe's refund statuses in our words: pending and requires_action are still on their way;
 * failed and canceled both mean the money did not go back.
 */
function refundStatusOf(status: string | null): ReportedRefundStatus {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}

function refundReport(refund: Stripe.Refund): RefundReport {
  const currency = refund.currency?.toUpperCase() ?? '';
  return {
    refundId: refund.metadata?.refundId ?? null,
    orderId: refund.metadata?.orderId ?? null,
    providerRefundId: refund.id,
    status: refundStatusOf(refund.status),
    amount: typeof refund.amount === 'number' && isCurrency(currency) ? money(refund.amount, currency) : null,
    failureReason: refund.failure_reason ?? null,
  };
}

/**
 * Refund events. refund.created / refund.updated / refund.failed carry the refund itself;
 * charge.refunded carries the charge, with its refunds only where the account's API version still
 * includes them (the local server does): each of those is reported.
 */
const REFUND_EVENTS: Record<string, (object: unknown) => readonly RefundReport[]> = {
  'refund.created': (object) => [refundReport(object as Stripe.Refund)],
  'refund.updated': (object) => [refundReport(object as Stripe.Refund)],
  'refund.failed': (object) => [refundReport(object as Stripe.Refund)],
  'charge.refunded': (object) => ((object as Stripe.Charge).refunds?.data ?? []).map(refundReport),
};

export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const refundsOf = REFUND_EVENTS[event.type];
  if (refundsOf) {
    const refunds = refundsOf(event.data.object);
    return { eventId: event.id, type: event.type, outcome: null, sessionId: null, orderId: refunds[0]?.orderId ?? null, amount: null, paymentId: null, refunds };
  }
  const outcomeOf = OUTCOMES[event.type];
  if (!outcomeOf) return { eventId: event.id, type: event.type, outcome: null, sessionId: null, orderId: null, amount: null, paymentId: null, refunds: [] };
  return sessionEvent(event.id, event.type, event.data.object as Stripe.Checkout.Session);
}

function sessionEvent(eventId: string, type: string, session: Stripe.Checkout.Session): PaymentEvent {
  const currency = session.currency?.toUpperCase() ?? '';
  return {
    eventId,
    type,
    outcome: OUTCOMES[type]?.(session) ?? null,
    sessionId: session.id,
    orderId: session.metadata?.orderId ?? session.client_reference_id ?? null,
    amount: typeof session.amount_total === 'number' && isCurrency(currency) ? money(session.amount_total, currency) : null,
    paymentId: typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null),
    refunds: [],
  };
}
