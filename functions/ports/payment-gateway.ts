import type { Language } from '../domain/languages.js';
import type { Money } from '../domain/money.js';
import type { PaymentOutcome } from '../domain/order.js';
import type { PaymentMethod } from '../domain/payment-methods.js';
import type { ReportedRefundStatus } from '../domain/refund.js';

export interface CheckoutSessionRequest {
  readonly orderId: string;
  /** Derived from the order id: a retried create gives back the same session, never a second one. */
  readonly idempotencyKey: string;
  readonly lines: readonly { readonly name: string; readonly unitAmount: Money; readonly quantity: number; readonly imageUrl?: string }[];
  readonly total: Money;
  readonly paymentMethods: readonly PaymentMethod[];
  readonly email: string;
  readonly language: Language;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly expiresAt: Date;
}

export interface CheckoutSession {
  readonly sessionId: string;
  readonly url: string;
}

/** A verified payment event, in our words. */
export interface PaymentEvent {
  readonly eventId: string;
  /** The provider's event type, for logs. */
  readonly type: string;
  /** null for event types we do not act on. */
  readonly outcome: PaymentOutcome | null;
  readonly sessionId: string | null;
  readonly orderId: string | null;
  readonly amount: Money | null;
  /** The provider's payment (Stripe's PaymentIntent id), once there is one: the payment slip customs matches. */
  readonly paymentId: string | null;
  /** What the event says about refunds (none for payment events; a charge's event may name several). */
  readonly refunds: readonly RefundReport[];
}

/** One refund as a provider's event reports it. */
export interface RefundReport {
  /** Ours (RFD-…), from the refund's metadata; null for a refund we never asked for (made in the provider's dashboard). */
  readonly refundId: string | null;
  readonly orderId: string | null;
  /** The provider's own id (Stripe's re_…). */
  readonly providerRefundId: string;
  readonly status: ReportedRefundStatus;
  readonly amount: Money | null;
  /** The provider's reason for a failure (no personal data). */
  readonly failureReason: string | null;
}

export interface RefundRequest {
  /** The provider's payment to refund (Stripe's PaymentIntent id). */
  readonly paymentId: string;
  readonly amount: Money;
  /** Derived from our refund id: asking again never refunds twice. */
  readonly idempotencyKey: string;
  /** Written on the provider's refund, so its events name our refund and order. */
  readonly metadata: { readonly refundId: string; readonly orderId: string };
  /** Only the shopper's own request is said to be theirs. */
  readonly requestedByCustomer: boolean;
}

export interface ProviderRefund {
  readonly providerRefundId: string;
  readonly status: ReportedRefundStatus;
}

export class InvalidWebhookError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidWebhookError';
  }
}

/** The provider refused or could not be reached. */
export class PaymentProviderError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'PaymentProviderError';
  }
}

/**
 * The provider answered and refused what we asked (Stripe's invalid_request_error: an amount it does
 * not take, an email it does not accept ...): asking again the same way fails again, unlike an outage.
 * `providerMessage` is the provider's own words, which may quote what was sent.
 */
export class PaymentRequestRefusedError extends PaymentProviderError {
  constructor(
    readonly providerMessage: string,
    readonly param: string | null,
    cause?: unknown,
  ) {
    super(`The payment provider refused the request: ${providerMessage}`, cause);
    this.name = 'PaymentRequestRefusedError';
  }
}

export interface PaymentGateway {
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
  /** Closes an open session so it can no longer be paid; 'complete' means the shopper already paid (or is paying). */
  expireCheckoutSession(sessionId: string): Promise<'expired' | 'complete'>;
  /**
   * What a completed session says about its payment, in the words of the event that should have
   * announced it (its id derived from the session and its payment status): for an order whose
   * webhooks never came or were refused, so the sweep can settle it through the same use case.
   */
  sessionPayment(sessionId: string): Promise<PaymentEvent>;
  /** Checks the signature over the raw body (tolerance 300 s); throws InvalidWebhookError. */
  verifyWebhook(rawBody: string, signature: string): Promise<PaymentEvent>;
  /**
   * Asks for money back on a payment. The answer only says the provider took the request: the
   * refund counts once its event confirms it. Throws PaymentRequestRefusedError when the provider
   * refuses (more than is left to refund, say) and PaymentProviderError when it cannot be reached.
   */
  refund(request: RefundRequest): Promise<ProviderRefund>;
}
