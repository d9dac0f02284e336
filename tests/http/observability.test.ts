import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { startShop, type Shop } from '../support/shop.js';

/**
 * What operators see: business metrics counted once per business event, and logs that carry
 * order ids, event ids and reasons but never the shopper's personal data. A shop of its own, so
 * every count here comes from these flows only.
 */
let shop: Shop;
const EMAIL = 'li.wei.private@example.cn';
const signer = new Stripe('sk_test_signer', { telemetry: false });

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

async function pendingOrder(quantity = 2, stock = 10) {
  const product = aProduct({ stock });
  await shop.deps.catalogue.putProducts([product]);
  const placed = await shop.checkout(await shop.newCart({ [product.id]: quantity }), { email: EMAIL });
  expect(placed.status).toBe(201);
  const sessionId = placed.body.checkoutUrl.split('/pay/')[1] as string;
  const session = shop.stripe.sessions().find((entry) => entry.session.id === sessionId)!.session;
  return { product, orderId: placed.body.orderId as string, session };
}

function deliver(session: object, changes: Record<string, unknown>, secret = shop.webhookSecret) {
  const payload = JSON.stringify({
    id: `evt_observed_${Date.now()}_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: { object: { ...session, status: 'complete', payment_status: 'paid', ...changes } },
  });
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
  return shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature });
}

/** How much a metric grows while `flow` runs. */
async function growth(metric: Parameters<Shop['telemetry']['total']>[0], flow: () => Promise<void>): Promise<number> {
  const before = shop.telemetry.total(metric);
  await flow();
  return shop.telemetry.total(metric) - before;
}

function expectNoEmailLogged() {
  const logged = shop.telemetry.everythingLogged();
  expect(logged).not.toContain(EMAIL);
  expect(logged).not.toContain('li.wei.private');
}

describe('business metrics and logs', () => {
  it('counts an order paid once, even when Stripe delivers its payment event 5 times', async () => {
    const { orderId, session } = await pendingOrder();
    const paid = await growth('OrdersPaid', async () => {
      const first = await shop.stripe.pay(session.id);
      expect(first.lastStatus).toBe(200);
      const resent = await Promise.all([1, 2, 3, 4].map(() => shop.stripe.resend(first.event.id)));
      expect(resent).toEqual([200, 200, 200, 200]);
    });
    expect(paid).toBe(1);
    expect((await shop.order(orderId)).order.status).toBe('paid');
    const applied = shop.telemetry.logs.filter((log) => log.message === 'payment event applied' && log.fields.orderId === orderId);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.fields).toMatchObject({ from: 'pending_payment', to: 'paid' });
    expectNoEmailLogged();
  });

  it('counts a webhook with a forged signature as WebhookRejected, and pays nothing', async () => {
    const { orderId, session } = await pendingOrder();
    let status = 0;
    const rejected = await growth('WebhookRejected', async () => {
      status = (await deliver(session, {}, 'whsec_forged')).status;
    });
    expect(status).toBe(400);
    expect(rejected).toBe(1);
    expect(shop.telemetry.total('OrdersPaid')).toBe(1);
    expect((await shop.order(orderId)).order.status).toBe('pending_payment');
    expect(shop.telemetry.logs.at(-1)).toMatchObject({ level: 'warn', message: 'webhook signature refused' });
  });

  it('counts a signed event whose amount does not match its order as WebhookRejected, logging both amounts', async () => {
    const { orderId, session } = await pendingOrder();
    let status = 0;
    const rejected = await growth('WebhookRejected', async () => {
      status = (await deliver(session, { amount_total: 1 })).status;
    });
    expect(status).toBe(422);
    expect(rejected).toBe(1);
    const logged = shop.telemetry.logs.find((log) => log.message.startsWith('payment event does not match') && log.fields.orderId === orderId);
    expect(logged).toMatchObject({ level: 'error', fields: { mismatch: 'amount', receivedAmount: 1, expectedCurrency: 'CNY' } });
    expectNoEmailLogged();
  });

  it('counts a checkout refused for stock as CheckoutRefused, and logs the reason and the product', async () => {
    const scarce = aProduct({ stock: 2 });
    await shop.deps.catalogue.putProducts([scarce]);
    const cartId = await shop.newCart({ [scarce.id]: 2 });
    // Someone else checks one of the two out first.
    expect((await shop.checkout(await shop.newCart({ [scarce.id]: 1 }))).status).toBe(201);
    let status = 0;
    const refused = await growth('CheckoutRefused', async () => {
      status = (await shop.checkout(cartId, { email: EMAIL })).status;
    });
    expect(status).toBe(409);
    expect(refused).toBe(1);
    expect(shop.telemetry.logs.at(-1)).toMatchObject({ message: 'checkout refused', fields: { reason: 'lines_refused', products: [scarce.id] } });
    expect(shop.telemetry.everythingLogged()).not.toContain(cartId);
    expectNoEmailLogged();
  });

  it('counts a Stripe outage at checkout as CheckoutPaymentProviderFailed, not as a refusal', async () => {
    const product = aProduct({ stock: 10 });
    await shop.deps.catalogue.putProducts([product]);
    const cartId = await shop.newCart({ [product.id]: 1 });
    const refusedBefore = shop.telemetry.total('CheckoutRefused');
    shop.stripe.failSessionCreation(1);
    let status = 0;
    const failed = await growth('CheckoutPaymentProviderFailed', async () => {
      status = (await shop.checkout(cartId, { email: EMAIL })).status;
    });
    expect(status).toBe(502);
    expect(failed).toBe(1);
    expect(shop.telemetry.total('CheckoutRefused')).toBe(refusedBefore);
    expect(shop.telemetry.logs.some((log) => log.level === 'error' && log.message.startsWith('checkout session failed'))).toBe(true);
    expectNoEmailLogged();
  });

  it('logs an unexpected failure with its route, not the cart id in its path, and answers 500', async () => {
    const cartId = await shop.newCart();
    const get = shop.deps.carts.get.bind(shop.deps.carts);
    shop.deps.carts.get = async () => {
      throw new Error('table unreachable');
    };
    try {
      const answer = await shop.call('GET', `/api/carts/${cartId}`);
      expect(answer.status).toBe(500);
      expect(answer.type).toContain('application/problem+json');
    } finally {
      shop.deps.carts.get = get;
    }
    expect(shop.telemetry.logs.at(-1)).toMatchObject({ level: 'error', message: 'unhandled', fields: { method: 'GET', route: '/api/carts/:id', detail: 'table unreachable' } });
    expect(shop.telemetry.everythingLogged()).not.toContain(cartId);
  });

  it('never logs the shopper’s email, even when Stripe’s refusal quotes it', async () => {
    const product = aProduct({ stock: 10 });
    await shop.deps.catalogue.putProducts([product]);
    const cartId = await shop.newCart({ [product.id]: 1 });
    shop.stripe.refuseSessionCreation(`Invalid email address: ${EMAIL}`, 'customer_email');
    let status = 0;
    const refused = await growth('CheckoutRefused', async () => {
      status = (await shop.checkout(cartId, { email: EMAIL })).status;
    });
    expect(status).toBe(422);
    expect(refused).toBe(1);
    expect(shop.telemetry.logs.at(-1)).toMatchObject({ message: 'checkout refused', fields: { reason: 'provider_refused', detail: 'Invalid email address: [email]' } });
    expectNoEmailLogged();
  });
});
