import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../../functions/domain/order.js';
import { sweepExpiredOrders } from '../../functions/usecases/sweep-expired-orders.js';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, eventually, startShop, type Shop } from '../support/shop.js';

/**
 * Property (issue 14, "Proof"): whatever happens to a product's orders, in whatever order —
 * checkouts, payments, failed payments, expiries at Stripe, sweeps, shopper cancellations, refunds
 * settling either way, late payments of released orders, and replays of any event — every product
 * keeps stock + reserved + sold constant, no count goes negative, the units held are exactly those
 * of the unpaid orders, and every order only ever moves along the state machine of domain/order.ts.
 *
 * Everything is real: the HTTP API on DynamoDB Local, the local Stripe-compatible server through
 * the Stripe SDK, its signed webhooks, and the sweep use case. CI-sized by default; more with
 * PROPERTY_RUNS=200 PROPERTY_COMMANDS=30, and a failure replays with the PROPERTY_SEED it prints.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
const MAX_COMMANDS = Number(process.env.PROPERTY_COMMANDS ?? 12);
const SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

let shop: Shop;
/** Every status change seen across the runs ("pending_payment → paid"), so the report shows what was exercised. */
const moves = new Map<string, number>();
const signer = new Stripe('sk_test_signer', { telemetry: false });

beforeAll(async () => {
  shop = await startShop();
  // Refunds stay pending until a command settles them, so their events can come in any order.
  shop.stripe.holdRefunds(true);
});
afterAll(async () => shop?.close());

/**
 * Where an order may go from each status (domain/order.ts `decide`, LATE_PAYMENT_PLANS, cancelling
 * in usecases/shopper-after-sale.ts, refunds in domain/refund.ts). Observations between commands
 * may skip steps (an event lands while another command runs), so a change is legal when the new
 * status is reachable from the old one.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'expired', 'payment_failed', 'cancelled'],
  expired: ['paid', 'paid_needs_attention'],
  payment_failed: ['paid', 'paid_needs_attention'],
  paid: ['cancelled', 'partially_refunded', 'refunded'],
  paid_needs_attention: ['cancelled', 'partially_refunded', 'refunded'],
  partially_refunded: ['refunded'],
  cancelled: [],
  refunded: [],
};

function reachable(from: OrderStatus, to: OrderStatus): boolean {
  const seen = new Set<OrderStatus>([from]);
  const queue = [from];
  while (queue.length > 0) for (const next of NEXT[queue.shift()!]) if (!seen.has(next)) seen.add(next), queue.push(next);
  return seen.has(to);
}

type Command =
  | { readonly kind: 'checkout'; readonly a: number; readonly b: number; readonly sameShopper: boolean }
  | { readonly kind: 'pay'; readonly pick: number }
  | { readonly kind: 'paymentFails'; readonly pick: number }
  | { readonly kind: 'expireAtStripe'; readonly pick: number }
  | { readonly kind: 'sweep'; readonly lapsed: boolean }
  | { readonly kind: 'cancel'; readonly pick: number }
  | { readonly kind: 'settleRefund'; readonly pick: number; readonly outcome: 'succeeded' | 'failed' }
  | { readonly kind: 'latePayment'; readonly pick: number }
  | { readonly kind: 'replay'; readonly pick: number };

const pick = fc.nat({ max: 1000 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('checkout' as const), a: fc.integer({ min: 0, max: 3 }), b: fc.integer({ min: 0, max: 2 }), sameShopper: fc.boolean() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('pay' as const), pick }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('paymentFails' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('expireAtStripe' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('sweep' as const), lapsed: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('settleRefund' as const), pick, outcome: fc.constantFrom('succeeded' as const, 'failed' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('latePayment' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('replay' as const), pick }), weight: 3 },
);

interface PlacedOrder {
  readonly orderId: string;
  readonly token: string;
  readonly sessionId: string;
  readonly units: Readonly<Record<string, number>>;
  readonly seen: OrderStatus[];
  /** What the run did to the order, so a status needs a cause: paid only if someone paid, and so on. */
  readonly causes: Set<'paid' | 'failed' | 'cancel'>;
}

const PAID: readonly OrderStatus[] = ['paid', 'paid_needs_attention', 'partially_refunded', 'refunded'];

/** One run: two fresh products, a sequence of commands, and the invariants checked along the way and at the end. */
class Run {
  readonly orders: PlacedOrder[] = [];
  /** Every webhook payload of this run (Stripe's own and the forged late ones), for replays. */
  readonly payloads: string[] = [];
  readonly shopper = checkoutDetails();
  readonly firstDelivery = shop.stripe.deliveries.length;
  readonly products = [aProduct({ stock: 5 }), aProduct({ stock: 3 })];
  readonly log: string[] = [];

  async start() {
    await shop.deps.catalogue.putProducts(this.products);
  }

  private order(pickIndex: number) {
    return this.orders.length === 0 ? undefined : this.orders[pickIndex % this.orders.length];
  }

  async apply(command: Command): Promise<void> {
    this.log.push(JSON.stringify(command));
    switch (command.kind) {
      case 'checkout': {
        const units: Record<string, number> = {};
        if (command.a > 0) units[this.products[0]!.id] = command.a;
        if (command.b > 0) units[this.products[1]!.id] = command.b;
        if (Object.keys(units).length === 0) units[this.products[0]!.id] = 1;
        const cartId = (await shop.call('POST', '/api/carts')).body.id as string;
        for (const [productId, quantity] of Object.entries(units)) {
          const line = await shop.call('PUT', `/api/carts/${cartId}/lines/${productId}`, { quantity });
          // A cart takes only what is free now: short of stock it is refused there, before checkout.
          expect([200, 409], JSON.stringify(line.body)).toContain(line.status);
          if (line.status === 409) delete units[productId];
        }
        if (Object.keys(units).length === 0) return;
        const placed = await shop.checkout(cartId, command.sameShopper ? { email: this.shopper.email, buyer: this.shopper.buyer } : {});
        // Sold out (409) or the shopper's unpaid limit (429): refused, and nothing was reserved.
        expect([201, 409, 429], JSON.stringify(placed.body)).toContain(placed.status);
        if (placed.status === 201) {
          this.orders.push({ orderId: placed.body.orderId, token: placed.body.orderToken, sessionId: placed.body.checkoutUrl.split('/pay/')[1], units, seen: ['pending_payment'], causes: new Set() });
        }
        return;
      }
      case 'pay': {
        const order = this.order(command.pick);
        const session = order && sessionOf(order);
        // The hosted page takes a payment only while the session is open.
        if (!session || session.status !== 'open') return;
        order.causes.add('paid');
        this.payloads.push(JSON.stringify((await shop.stripe.pay(order.sessionId)).event));
        return;
      }
      case 'paymentFails': {
        const order = this.order(command.pick);
        const session = order && sessionOf(order);
        if (!session) return;
        order.causes.add('failed');
        await this.deliver('checkout.session.async_payment_failed', { ...session, status: 'complete', payment_status: 'unpaid' });
        return;
      }
      case 'expireAtStripe': {
        const order = this.order(command.pick);
        // As Stripe does at expires_at: the session closes and checkout.session.expired follows (asynchronously).
        if (order) await shop.deps.payments.expireCheckoutSession(order.sessionId);
        return;
      }
      case 'sweep': {
        const at = new Date(Date.now() + (command.lapsed ? 31 : 0) * 60_000);
        const report = await sweepExpiredOrders(shop.deps, at);
        expect(report.failed).toBe(0);
        return;
      }
      case 'cancel': {
        const order = this.order(command.pick);
        if (!order) return;
        order.causes.add('cancel');
        const answer = await shop.call('POST', `/api/orders/${order.orderId}/cancel`, undefined, { 'x-order-token': order.token });
        // Cancelled, or refused as a problem (already shipped, already closed, payment being confirmed): never a server error.
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
        return;
      }
      case 'settleRefund': {
        const ours = new Set(this.orders.map((order) => order.orderId));
        const pending = shop.stripe.refunds().filter((refund) => refund.status === 'pending' && ours.has(refund.metadata.orderId!));
        if (pending.length === 0) return;
        const sent = await shop.stripe.settleRefund(pending[command.pick % pending.length]!.id, command.outcome);
        for (const record of sent) this.payloads.push(JSON.stringify(record.event));
        return;
      }
      case 'latePayment': {
        // Stripe took the payment while the store released the order (the sweep and the shopper raced):
        // the completed event arrives for an order that may already be expired, failed or cancelled.
        const order = this.order(command.pick);
        const session = order && sessionOf(order);
        if (!session) return;
        order.causes.add('paid');
        await this.deliver('checkout.session.completed', { ...session, status: 'complete', payment_status: 'paid', payment_intent: `pi_late_${order.orderId}` });
        return;
      }
      case 'replay': {
        const ours = shop.stripe.deliveries.slice(this.firstDelivery).filter((record) => this.belongsHere(record.event));
        const all = [...ours.map((record) => JSON.stringify(record.event)), ...this.payloads];
        if (all.length === 0) return;
        const answer = await this.post(all[command.pick % all.length]!);
        expect(answer.status).toBeLessThan(500);
        return;
      }
    }
  }

  private belongsHere(event: { data: { object: unknown } }): boolean {
    const object = event.data.object as { metadata?: { orderId?: string } };
    return this.orders.some((order) => order.orderId === object.metadata?.orderId);
  }

  private async deliver(type: string, object: object) {
    const payload = JSON.stringify({ id: `evt_prop_${Math.random().toString(36).slice(2)}`, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object } });
    this.payloads.push(payload);
    const answer = await this.post(payload);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
  }

  private post(payload: string) {
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: shop.webhookSecret });
    return shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature });
  }

  /** Holds at every instant: each write moves units between the three counts in one transaction. */
  async checkUnits() {
    for (const product of this.products) {
      const units = await shop.units(product.id);
      expect(Math.min(units.stock, units.reserved, units.sold), `${product.id} ${JSON.stringify(units)}`).toBeGreaterThanOrEqual(0);
      expect(units.stock + units.reserved + units.sold, `${product.id} ${JSON.stringify(units)}`).toBe(product.stock);
    }
  }

  /** Records each order's status and checks the move from the last one seen. */
  async observe() {
    for (const placed of this.orders) {
      const { order } = await shop.order(placed.orderId);
      expect(ORDER_STATUSES).toContain(order.status);
      const why = `${placed.orderId} is ${order.status} after ${[...placed.causes].join(', ') || 'nothing'}`;
      if (PAID.includes(order.status) || order.paidAt) expect(placed.causes.has('paid'), why).toBe(true);
      if (order.status === 'payment_failed') expect(placed.causes.has('failed'), why).toBe(true);
      if (order.status === 'cancelled') expect(placed.causes.has('cancel'), why).toBe(true);
      const last = placed.seen.at(-1)!;
      if (order.status !== last) {
        expect(reachable(last, order.status), `${placed.orderId}: ${placed.seen.join(' → ')} → ${order.status}`).toBe(true);
        moves.set(`${last} → ${order.status}`, (moves.get(`${last} → ${order.status}`) ?? 0) + 1);
        placed.seen.push(order.status);
      }
    }
  }

  /** Once every webhook of the run has been answered (retries included): the units held are exactly those of unpaid orders. */
  async checkSettled() {
    await eventually(
      async () => shop.stripe.deliveries.slice(this.firstDelivery).filter((record) => !record.delivered && record.attempts < 4).length,
      (undelivered) => undelivered === 0,
    );
    await this.observe();
    await this.checkUnits();
    for (const product of this.products) {
      let held = 0;
      for (const placed of this.orders) if (placed.seen.at(-1) === 'pending_payment') held += placed.units[product.id] ?? 0;
      expect((await shop.units(product.id)).reserved, `${product.id} reserved vs unpaid orders`).toBe(held);
    }
  }
}

function sessionOf(order: PlacedOrder) {
  return shop.stripe.sessions().find((entry) => entry.session.id === order.sessionId)?.session;
}

it(
  'keeps every product’s units whole and every order on its state machine, whatever happens in whatever order',
  async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: Math.min(4, MAX_COMMANDS), maxLength: MAX_COMMANDS }), async (commands) => {
        runs += 1;
        const run = new Run();
        await run.start();
        try {
          for (const command of commands) {
            await run.apply(command);
            await run.checkUnits();
            await run.observe();
          }
          await run.checkSettled();
        } catch (error) {
          throw new Error(`${(error as Error).message}\ncommands run: ${run.log.join(', ')}`, { cause: error });
        }
      }),
      // Shrinking replays whole runs on the real stack: a few steps are enough to read a failure.
      { numRuns: RUNS, seed: SEED, maxSkipsPerRun: 0, endOnFailure: true, verbose: 1 },
    );
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    console.info(`${runs} runs; status changes seen: ${JSON.stringify(Object.fromEntries(moves))}`);
  },
  Math.max(180_000, RUNS * MAX_COMMANDS * 2_000),
);
