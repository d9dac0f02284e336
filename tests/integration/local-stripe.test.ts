import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '../../functions/adapters/stripe/client.js';
import { freePort } from '../../infra/local/free-port.js';
import { startLocalStripe, type LocalStripe } from '../../infra/local/stripe/server.js';

/** The local Stripe-compatible server, driven by the real stripe SDK and checked by Stripe's own signature verification. */
const secret = 'whsec_localstripetest';
let local: LocalStripe;
let stripe: Stripe;
let receiver: ServerType;
let clockOffsetMs = 0;
const received: Stripe.Event[] = [];

beforeAll(async () => {
  const port = await freePort();
  const app = new Hono();
  app.post('/hook', async (c) => {
    const event = await stripe.webhooks.constructEventAsync(await c.req.text(), c.req.header('stripe-signature') ?? '', secret, 300);
    received.push(event);
    return c.json({ ok: true });
  });
  receiver = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
  });
  local = await startLocalStripe({ webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: secret, expiryCheckMs: 50, now: () => Date.now() + clockOffsetMs });
  stripe = createStripeClient({ secretKey: 'sk_test_local', apiBase: local.url });
});
afterAll(async () => {
  await local?.stop();
  receiver?.close();
});

const params = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [{ quantity: 2, price_data: { currency: 'cny', unit_amount: 4_900, product_data: { name: '蜂蜜' } } }],
  allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
  payment_method_options: { wechat_pay: { client: 'web' } },
  success_url: 'https://bazaar.test/zh/order/?id=1',
  cancel_url: 'https://bazaar.test/zh/cart/',
  metadata: { orderId: 'ORD-TEST' },
  expires_at: Math.floor((Date.now() + clockOffsetMs) / 1000) + 31 * 60,
  ...overrides,
});

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

describe('the local Stripe-compatible server', () => {
  it('creates, retrieves and totals a session the way Stripe does', async () => {
    const session = await stripe.checkout.sessions.create(params());
    expect(session).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid', amount_total: 9_800, currency: 'cny' });
    expect(session.url).toBe(`${local.url}/pay/${session.id}`);
    expect((await stripe.checkout.sessions.retrieve(session.id)).id).toBe(session.id);
  });

  it('answers a repeated Idempotency-Key with the same session, and refuses it with other parameters', async () => {
    const first = await stripe.checkout.sessions.create(params(), { idempotencyKey: 'order-1' });
    const again = await stripe.checkout.sessions.create(params({ expires_at: first.expires_at }), { idempotencyKey: 'order-1' });
    expect(again.id).toBe(first.id);
    await expect(stripe.checkout.sessions.create(params({ metadata: { orderId: 'other' } }), { idempotencyKey: 'order-1' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeIdempotencyError,
    );
  });

  it('raises StripeInvalidRequestError for what Stripe refuses', async () => {
    await expect(stripe.checkout.sessions.create(params({ payment_method_options: {} }))).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(
      stripe.checkout.sessions.create(params({ line_items: [{ quantity: 1, price_data: { currency: 'rub', unit_amount: 100, product_data: { name: 'x' } } }] })),
    ).rejects.toThrow(/invalid for alipay/);
    await expect(stripe.checkout.sessions.create(params({ expires_at: Math.floor(Date.now() / 1000) + 60 }))).rejects.toThrow(/30 minutes/);
    await expect(stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(createStripeClient({ secretKey: 'sk_live_nope', apiBase: local.url }).checkout.sessions.retrieve('cs_x')).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it('keeps a session open when the shopper cancels, and sends a signed completed event when they pay', async () => {
    const session = await stripe.checkout.sessions.create(params());
    const cancel = await fetch(`${session.url}/cancel`, { method: 'POST', redirect: 'manual' });
    expect(cancel.headers.get('location')).toBe('https://bazaar.test/zh/cart/');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    const pay = await fetch(`${session.url}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'wechat_pay' }), redirect: 'manual' });
    expect(pay.status).toBe(303);
    await until(() => received.some((event) => event.type === 'checkout.session.completed' && (event.data.object as Stripe.Checkout.Session).id === session.id));
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'complete', payment_status: 'paid' });
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it('expires a session at expires_at and says so with checkout.session.expired', async () => {
    const session = await stripe.checkout.sessions.create(params());
    clockOffsetMs = 32 * 60_000;
    try {
      await until(() => received.some((event) => event.type === 'checkout.session.expired' && (event.data.object as Stripe.Checkout.Session).id === session.id));
    } finally {
      clockOffsetMs = 0;
    }
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    expect((await fetch(session.url!)).status).toBe(410);
  });
});
