import type { PaymentGateway } from '../../ports/payment-gateway.js';
import { createStripeClient } from './client.js';
import { StripePaymentGateway } from './stripe-gateway.js';

export interface StripeSettings {
  readonly STRIPE_SECRET_KEY?: string;
  readonly STRIPE_WEBHOOK_SECRET?: string;
  readonly STRIPE_API_BASE?: string;
}

/**
 * The Stripe gateway, built on first use: functions that never pay (catalogue, pavilion) run
 * without Stripe keys, and one that needs them fails on its first payment call, not at import.
 */
export function lazyStripeGateway(settings: StripeSettings): PaymentGateway {
  let gateway: StripePaymentGateway | undefined;
  const get = () => {
    if (!gateway) {
      if (!settings.STRIPE_SECRET_KEY || !settings.STRIPE_WEBHOOK_SECRET) {
        throw new Error('Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
      }
      const stripe = createStripeClient({ secretKey: settings.STRIPE_SECRET_KEY, apiBase: settings.STRIPE_API_BASE });
      gateway = new StripePaymentGateway(stripe, settings.STRIPE_WEBHOOK_SECRET);
    }
    return gateway;
  };
  return {
    createCheckoutSession: (request) => get().createCheckoutSession(request),
    expireCheckoutSession: (sessionId) => get().expireCheckoutSession(sessionId),
    verifyWebhook: (rawBody, signature) => get().verifyWebhook(rawBody, signature),
  };
}
