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

  describe('bodies it must refuse without harming the process it shares with the API', () => {
    const post = (body: string) =>
      fetch(`${local.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_local', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });

    it('answers 400 to prototype keys and leaves Object.prototype alone', async () => {
      for (const key of ['__proto__[polluted]', 'metadata[__proto__][polluted]', 'constructor[prototype][polluted]']) {
        const answer = await post(`mode=payment&${encodeURIComponent(key)}=yes`);
        expect(answer.status, key).toBe(400);
        expect((await answer.json()).error).toMatchObject({ type: 'invalid_request_error', param: key });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('answers 400, not 500, to a key that is both a value and a hash', async () => {
      expect((await post('metadata=x&metadata[orderId]=1')).status).toBe(400);
      expect((await post('metadata[orderId]=1&metadata=x')).status).toBe(400);
    });

    it('answers 413 to a body over 1 MB, and keeps serving', async () => {
      const answer = await post(`mode=payment&metadata[big]=${'x'.repeat(1_100_000)}`).catch((error: Error) => error);
      // The server closes the connection after its answer; either way nothing may be left unhandled.
      if (!(answer instanceof Error)) expect(answer.status).toBe(413);
      const session = await stripe.checkout.sessions.create(params());
      expect(session.status).toBe('open');
    });
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

  describe('refunds', () => {
    /** A session paid on the hosted page: its PaymentIntent is what a refund names. */
    async function paid() {
      const session = await stripe.checkout.sessions.create(params());
      await local.pay(session.id);
      return (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    }
    const eventsOf = (type: string, refundId: string) =>
      received.filter((event) => event.type === type && JSON.stringify(event.data.object).includes(refundId));

    it('refunds part of a payment, pending in the answer, then succeeded with signed charge.refunded and refund.updated events', async () => {
      const paymentIntent = await paid();
      const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 4_900, metadata: { refundId: 'RFD-1', orderId: 'ORD-TEST' } }, { idempotencyKey: 'refund-RFD-1' });
      expect(refund).toMatchObject({ object: 'refund', status: 'pending', amount: 4_900, currency: 'cny', payment_intent: paymentIntent, metadata: { refundId: 'RFD-1', orderId: 'ORD-TEST' } });
      await until(() => eventsOf('refund.updated', refund.id).length === 1);
      expect(eventsOf('refund.updated', refund.id)[0]!.data.object).toMatchObject({ id: refund.id, status: 'succeeded' });
      const [charged] = eventsOf('charge.refunded', refund.id);
      expect(charged!.data.object).toMatchObject({ object: 'charge', amount: 9_800, amount_refunded: 4_900, refunded: false, refunds: { data: [{ id: refund.id, status: 'succeeded' }] } });
      expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ status: 'succeeded' });
    });

    it('answers a repeated Idempotency-Key with the same refund, and never refunds more than was paid', async () => {
      const paymentIntent = await paid();
      const first = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 9_000 }, { idempotencyKey: 'refund-RFD-2' });
      const again = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 9_000 }, { idempotencyKey: 'refund-RFD-2' });
      expect(again.id).toBe(first.id);
      expect(local.refunds().filter((refund) => refund.payment_intent === paymentIntent)).toHaveLength(1);
      await expect(stripe.refunds.create({ payment_intent: paymentIntent, amount: 801 })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'amount_too_large' });
      await stripe.refunds.create({ payment_intent: paymentIntent, amount: 800 });
      await expect(stripe.refunds.create({ payment_intent: paymentIntent })).rejects.toMatchObject({ code: 'charge_already_refunded' });
      await expect(stripe.refunds.create({ payment_intent: 'pi_missing', amount: 1 })).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    });

    it('lets a test fail a refund (refund.updated, failed) and its amount be refunded again; or hold it pending until settled', async () => {
      const paymentIntent = await paid();
      local.failNextRefunds(1);
      const failing = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 9_800 });
      await until(() => eventsOf('refund.updated', failing.id).length === 1);
      expect(eventsOf('refund.updated', failing.id)[0]!.data.object).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
      expect(eventsOf('charge.refunded', failing.id)).toEqual([]);

      local.holdRefunds(true);
      try {
        const held = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 9_800 });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect((await stripe.refunds.retrieve(held.id)).status).toBe('pending');
        const sent = await local.settleRefund(held.id);
        expect(sent.map((record) => record.event.type)).toEqual(['charge.refunded', 'refund.updated']);
        expect((await stripe.refunds.retrieve(held.id)).status).toBe('succeeded');
      } finally {
        local.holdRefunds(false);
      }
    });

    it('fails a refund creation with a 500 when told to, refunding nothing', async () => {
      const paymentIntent = await paid();
      local.failRefundCreation(1);
      await expect(stripe.refunds.create({ payment_intent: paymentIntent, amount: 100 }, { idempotencyKey: 'refund-RFD-3' })).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
      const retried = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 100 }, { idempotencyKey: 'refund-RFD-3' });
      expect(retried.status).toBe('pending');
    });
  });
});
