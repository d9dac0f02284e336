import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { InvalidWebhookError, type PaymentGateway } from '../../functions/ports/payment-gateway.js';
import { sweepExpiredOrders } from '../../functions/usecases/sweep-expired-orders.js';
import { aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

let shop: Shop;
/** Stripe as it is when its expiry event never comes: the session closes, nobody is told. */
let silentStripe: PaymentGateway;

beforeAll(async () => {
  shop = await startShop();
  const real = shop.deps.payments;
  silentStripe = {
    createCheckoutSession: (request) => real.createCheckoutSession(request),
    verifyWebhook: (body, signature) => real.verifyWebhook(body, signature),
    expireCheckoutSession: async () => 'expired',
    sessionPayment: (sessionId) => real.sessionPayment(sessionId),
    refund: (request) => real.refund(request),
  };
});
afterAll(async () => shop?.close());

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

async function pendingOrder(quantity: number) {
  const product = aProduct({ stock: 10 });
  await shop.deps.catalogue.putProducts([product]);
  const placed = await shop.checkout(await shop.newCart({ [product.id]: quantity }));
  expect(placed.status).toBe(201);
  return { product, orderId: placed.body.orderId as string, sessionId: placed.body.checkoutUrl.split('/pay/')[1] as string };
}

describe('sweepExpiredOrders', () => {
  it('leaves reservations alone until they lapse, then releases them', async () => {
    const { product, orderId } = await pendingOrder(2);
    expect((await sweepExpiredOrders({ ...shop.deps, payments: silentStripe }, minutes(29))).released).toBe(0);
    expect((await shop.order(orderId)).order.status).toBe('pending_payment');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 2, sold: 0 });
    expect((await sweepExpiredOrders({ ...shop.deps, payments: silentStripe }, minutes(31))).released).toBe(1);
    expect((await shop.order(orderId)).order.status).toBe('expired');
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('releases a lapsed reservation exactly once when Stripe’s expiry event never comes, however many sweeps run at once', async () => {
    const { product, orderId } = await pendingOrder(3);
    const countedBefore = shop.telemetry.total('ReservationsReleased');
    const reports = await Promise.all([1, 2, 3].map(() => sweepExpiredOrders({ ...shop.deps, payments: silentStripe }, minutes(31))));
    expect(reports.reduce((sum, report) => sum + report.released, 0)).toBe(1);
    expect(shop.telemetry.total('ReservationsReleased') - countedBefore).toBe(1);
    expect((await shop.order(orderId)).order.status).toBe('expired');
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect((await sweepExpiredOrders({ ...shop.deps, payments: silentStripe }, minutes(60))).released).toBe(0);
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('goes on past an order it cannot handle: the others are released, the failure is counted, and the next run tries it again', async () => {
    const poisoned = await pendingOrder(1);
    const healthy = await pendingOrder(2);
    const real = shop.deps.orders;
    const orders: typeof real = Object.assign(Object.create(real), {
      get: async (id: string) => {
        if (id === poisoned.orderId) throw new Error('a malformed order item');
        return real.get(id);
      },
    });
    const failedBefore = shop.telemetry.total('SweepOrderFailed');
    const report = await sweepExpiredOrders({ ...shop.deps, orders, payments: silentStripe }, minutes(31));
    expect(report.failed).toBe(1);
    expect(shop.telemetry.total('SweepOrderFailed') - failedBefore).toBe(1);
    expect((await shop.order(healthy.orderId)).order.status).toBe('expired');
    expect(await shop.units(healthy.product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect((await shop.order(poisoned.orderId)).order.status).toBe('pending_payment');

    const next = await sweepExpiredOrders({ ...shop.deps, payments: silentStripe }, minutes(31));
    expect(next.failed).toBe(0);
    expect((await shop.order(poisoned.orderId)).order.status).toBe('expired');
    expect(await shop.units(poisoned.product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('never takes a product’s reserved units below zero: with fewer held than the order names, the order is released and the counts are left alone, loudly', async () => {
    const { product, orderId } = await pendingOrder(2);
    // Counts broken elsewhere (a manual fix in the console, a bug): only one unit still reserved.
    await shop.table.doc.send(new UpdateCommand({ TableName: shop.table.tableName, Key: keys.product(product.id), UpdateExpression: 'SET reserved = :one', ExpressionAttributeValues: { ':one': 1 } }));
    const report = await sweepExpiredOrders({ ...shop.deps, payments: silentStripe }, minutes(31));
    expect(report.failed).toBe(0);
    expect((await shop.order(orderId)).order.status).toBe('expired');
    expect(await shop.units(product.id)).toEqual({ stock: 8, reserved: 1, sold: 0 });
    expect(shop.telemetry.logs.some((log) => log.level === 'error' && log.fields.orderId === orderId)).toBe(true);
  });

  it('closes the Stripe session first, and its expiry event racing the sweep releases nothing twice', async () => {
    const { product, orderId, sessionId } = await pendingOrder(3);
    await sweepExpiredOrders(shop.deps, minutes(31));
    expect(shop.stripe.sessions().find((entry) => entry.session.id === sessionId)?.session.status).toBe('expired');
    await eventually(
      async () => shop.stripe.deliveries.filter((record) => record.event.data.object.id === sessionId),
      (records) => records.length === 1 && records[0]!.delivered,
    );
    expect((await shop.order(orderId)).order.status).toBe('expired');
    expect(await shop.units(product.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('settles an order paid at Stripe whose webhook never came, through the webhook’s own use case, once', async () => {
    const { product, orderId, sessionId } = await pendingOrder(1);
    // Paid at Stripe, but every delivery is refused (a rotated signing secret, say), retries included, until the sweep has run.
    const payments = shop.deps.payments;
    const verify = payments.verifyWebhook.bind(payments);
    payments.verifyWebhook = async () => {
      throw new InvalidWebhookError('signing secret rotated');
    };
    const paidBefore = shop.telemetry.total('OrdersPaid');
    let eventId: string;
    try {
      eventId = (await shop.stripe.pay(sessionId)).event.id;
      expect((await shop.order(orderId)).order.status).toBe('pending_payment');
      const report = await sweepExpiredOrders(shop.deps, minutes(31));
      expect(report).toMatchObject({ settled: 1, released: 0, failed: 0 });
      expect((await shop.order(orderId)).order.status).toBe('paid');
      expect(await shop.units(product.id)).toEqual({ stock: 9, reserved: 0, sold: 1 });
    } finally {
      payments.verifyWebhook = verify;
    }
    // Stripe's late retry, and the next sweep, change nothing more.
    expect(await shop.stripe.resend(eventId)).toBe(200);
    await sweepExpiredOrders(shop.deps, minutes(60));
    expect(await shop.units(product.id)).toEqual({ stock: 9, reserved: 0, sold: 1 });
    expect(shop.telemetry.total('OrdersPaid') - paidBefore).toBe(1);
  });

  it('waits, without releasing, for a completed session whose payment is still on its way (an async method)', async () => {
    const { product, orderId } = await pendingOrder(1);
    const paying: PaymentGateway = {
      ...silentStripe,
      expireCheckoutSession: async () => 'complete',
      sessionPayment: async (sessionId) => ({ ...(await shop.deps.payments.sessionPayment(sessionId)), outcome: 'awaiting_async_payment' }),
    };
    const report = await sweepExpiredOrders({ ...shop.deps, payments: paying }, minutes(31));
    expect(report).toMatchObject({ postponed: 1, released: 0, settled: 0 });
    expect((await shop.order(orderId)).order.status).toBe('pending_payment');
    expect((await shop.order(orderId)).order.expiresAt > minutes(31).toISOString()).toBe(true);
    expect(await shop.units(product.id)).toEqual({ stock: 9, reserved: 1, sold: 0 });
  });
});
