import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { lazyStripeGateway } from '../../functions/adapters/stripe/lazy-gateway.js';

const webhookSecret = 'whsec_unit_test_secret';
const stripe = new Stripe('sk_test_unit', { telemetry: false });

function signedEvent(id: string) {
  const payload = JSON.stringify({ id, object: 'event', type: 'customer.created', data: { object: {} } });
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) };
}

describe('the Stripe gateway in AWS', () => {
  it('reads the keys from Secrets Manager once per cold start, not once per request', async () => {
    let reads = 0;
    const gateway = lazyStripeGateway({ STRIPE_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:1:secret:stripe' }, async () => {
      reads += 1;
      return { secretKey: 'sk_test_from_secret', webhookSecret };
    });
    for (const id of ['evt_1', 'evt_2', 'evt_3']) {
      const { payload, header } = signedEvent(id);
      expect((await gateway.verifyWebhook(payload, header)).eventId).toBe(id);
    }
    expect(reads).toBe(1);
  });

  it('tries the secret again after a failed read instead of caching the failure', async () => {
    let reads = 0;
    const gateway = lazyStripeGateway({ STRIPE_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:1:secret:stripe' }, async () => {
      reads += 1;
      if (reads === 1) throw new Error('throttled');
      return { secretKey: 'sk_test_from_secret', webhookSecret };
    });
    const { payload, header } = signedEvent('evt_retry');
    await expect(gateway.verifyWebhook(payload, header)).rejects.toThrow('throttled');
    expect((await gateway.verifyWebhook(payload, header)).eventId).toBe('evt_retry');
    expect(reads).toBe(2);
  });

  it('prefers keys from the environment (local runs and tests) and never asks Secrets Manager then', async () => {
    const gateway = lazyStripeGateway({ STRIPE_SECRET_KEY: 'sk_test_env', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_SECRET_ARN: 'arn:x' }, async () => {
      throw new Error('must not be read');
    });
    const { payload, header } = signedEvent('evt_env');
    expect((await gateway.verifyWebhook(payload, header)).eventId).toBe('evt_env');
  });

  it('fails on first use, with a clear message, when no keys are configured', async () => {
    const gateway = lazyStripeGateway({});
    await expect(gateway.verifyWebhook('{}', 'sig')).rejects.toThrow(/Stripe is not configured/);
  });
});
