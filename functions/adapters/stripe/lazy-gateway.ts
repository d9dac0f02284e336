import type { PaymentGateway } from '../../ports/payment-gateway.js';
import { readStripeSecret, type StripeSecret } from '../secrets/stripe-secret.js';
import { createStripeClient } from './client.js';
import { StripePaymentGateway } from './stripe-gateway.js';

export interface StripeSettings {
  readonly STRIPE_SECRET_KEY?: string;
  readonly STRIPE_WEBHOOK_SECRET?: string;
  readonly STRIPE_API_BASE?: string;
  /** In AWS the keys live in Secrets Manager; this names the secret. */
  readonly STRIPE_SECRET_ARN?: string;
}

/**
 * The Stripe gateway, built on first use: functions that never pay (catalogue, pavilion) run
 * without Stripe keys, and one that needs them fails on its first payment call, not at import.
 * Keys come from the environment (locally) or, read once per cold start, from Secrets Manager (AWS).
 */
export function lazyStripeGateway(
  settings: StripeSettings,
  readSecret: (arn: string) => Promise<StripeSecret> = (arn) => readStripeSecret({ STRIPE_SECRET_ARN: arn }),
): PaymentGateway {
  let gateway: Promise<StripePaymentGateway> | undefined;
  const keys = async (): Promise<StripeSecret> => {
    if (settings.STRIPE_SECRET_KEY && settings.STRIPE_WEBHOOK_SECRET) {
      return { secretKey: settings.STRIPE_SECRET_KEY, webhookSecret: settings.STRIPE_WEBHOOK_SECRET };
    }
    if (settings.STRIPE_SECRET_ARN) return readSecret(settings.STRIPE_SECRET_ARN);
    throw new Error('Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or STRIPE_SECRET_ARN');
  };
  const get = () => {
    gateway ??= keys().then(
      ({ secretKey, webhookSecret }) =>
        new StripePaymentGateway(createStripeClient({ secretKey, apiBase: settings.STRIPE_API_BASE }), webhookSecret),
      (error: unknown) => {
        gateway = undefined;
        throw error;
      },
    );
    return gateway;
  };
  return {
    createCheckoutSession: async (request) => (await get()).createCheckoutSession(request),
    expireCheckoutSession: async (sessionId) => (await get()).expireCheckoutSession(sessionId),
    sessionPayment: async (sessionId) => (await get()).sessionPayment(sessionId),
    verifyWebhook: async (rawBody, signature) => (await get()).verifyWebhook(rawBody, signature),
    refund: async (request) => (await get()).refund(request),
  };
}
