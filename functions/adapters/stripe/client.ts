import Stripe from 'stripe';

export interface StripeConnection {
  readonly secretKey: string;
  /** Only for the local Stripe-compatible server (e.g. http://127.0.0.1:12111); unset talks to api.stripe.com. */
  readonly apiBase?: string;
}

/** One configured SDK: the same code talks to Stripe's test mode or to infra/local/stripe. */
export function createStripeClient({ secretKey, apiBase }: StripeConnection): Stripe {
  if (!apiBase) return new Stripe(secretKey, { telemetry: false, maxNetworkRetries: 2 });
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
    // The local server answers at once; retries there would only hide bugs.
    maxNetworkRetries: 0,
    telemetry: false,
  });
}
