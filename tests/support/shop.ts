import { serve, type ServerType } from '@hono/node-server';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtTokenVerifier } from '../../functions/adapters/auth/jwt-verifier.js';
import { DynamoListingStore } from '../../functions/adapters/dynamodb/listing-store.js';
import { DynamoPavilionOrdersStore } from '../../functions/adapters/dynamodb/pavilion-orders-store.js';
import { DynamoCartStore } from '../../functions/adapters/dynamodb/cart-store.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoOrderStore } from '../../functions/adapters/dynamodb/order-store.js';
import { DynamoOperatorConsoleStore } from '../../functions/adapters/dynamodb/operator-console-store.js';
import { HmacShopperKeys } from '../../functions/adapters/crypto/shopper-keys.js';
import { LocalManagerDirectory } from '../../infra/local/token-issuer/managers.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { DynamoRefundStore } from '../../functions/adapters/dynamodb/refund-store.js';
import { DynamoLedgerStore } from '../../functions/adapters/dynamodb/ledger-store.js';
import { createStripeClient } from '../../functions/adapters/stripe/client.js';
import { localIdentityVault } from '../../functions/adapters/secrets/identity-key.js';
import { StripePaymentGateway } from '../../functions/adapters/stripe/stripe-gateway.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { residentIdCheckCharacter } from '../../functions/domain/resident-id.js';
import type { Pavilion } from '../../functions/domain/pavilion.js';
import { createApi } from '../../functions/http/api.js';
import type { Clock } from '../../functions/ports/clock.js';
import type { ShopDeps } from '../../functions/usecases/shop-deps.js';
import { freePort } from '../../infra/local/free-port.js';
import { startLocalStripe, type LocalStripe } from '../../infra/local/stripe/server.js';
import { startTokenIssuer, type RunningTokenIssuer } from '../../infra/local/token-issuer/start.js';
import { aPavilion } from '../fixtures/products.js';
import { fileRatesSnapshot } from '../fixtures/rates.js';
import { createTestTable } from './table.js';
import { RecordingTelemetry } from './telemetry.js';

export const PUBLIC_BASE_URL = 'https://bazaar.test';

/** A clock that reads the real time plus an offset the test can move (carts lapse, reservations expire). */
export class ShiftedClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * The whole shop on real parts: a fresh table on DynamoDB Local, the API served over HTTP (so the
 * local Stripe can deliver webhooks to it), the local Stripe-compatible server and the real SDK.
 * With `staff`, also the pavilion workspace and the operators' app behind a real token issuer.
 */
export async function startShop(options: { pavilions?: Pavilion[]; products?: Product[]; staff?: boolean } = {}) {
  const table = await createTestTable('shop');
  const catalogue = new DynamoCatalogueStore(table.doc, table.tableName);
  const pavilions = options.pavilions ?? [aPavilion(), aPavilion({ code: 'RU', currency: 'RUB' })];
  for (const pavilion of pavilions) await catalogue.putPavilion(pavilion);
  if (options.products?.length) await catalogue.putProducts(options.products);

  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const port = await freePort();
  const stripe: LocalStripe = await startLocalStripe({
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    webhookSecret,
    retryDelaysMs: [100, 200, 400],
    expiryCheckMs: 200,
  });
  const clock = new ShiftedClock();
  const telemetry = new RecordingTelemetry();
  // The rates file loaded now, as `npm start` does: KGS 0.0812, RUB 0.0888 yuan... (tests/fixtures/rates.ts).
  const rateStore = new DynamoRateStore(table.doc, table.tableName);
  const consoleStore = new DynamoOperatorConsoleStore(table.doc, table.tableName);
  const shopperLookupKey = randomBytes(32);
  await rateStore.save(fileRatesSnapshot(clock.now()));
  const deps: ShopDeps = {
    catalogue,
    carts: new DynamoCartStore(table.doc, table.tableName),
    orders: new DynamoOrderStore(table.doc, table.tableName, telemetry),
    refunds: new DynamoRefundStore(table.doc, table.tableName, telemetry),
    payments: new StripePaymentGateway(createStripeClient({ secretKey: 'sk_test_local', apiBase: stripe.url }), webhookSecret),
    identity: localIdentityVault(randomBytes(32)),
    clock,
    rateStore,
    publicBaseUrl: PUBLIC_BASE_URL,
    telemetry,
    ledger: new DynamoLedgerStore(table.doc, table.tableName),
    // The operator console's side of the shop: orders filed under their shopper's keyed email hash, refused events kept.
    shopperKeys: new HmacShopperKeys(async () => shopperLookupKey),
    refusedEvents: consoleStore,
  };
  let issuer: RunningTokenIssuer | null = null;
  let staffDeps = {};
  if (options.staff) {
    issuer = await startTokenIssuer({ keyDir: await mkdtemp(join(tmpdir(), 'shop-keys-')), audience: 'shop-test-client', pavilions });
    staffDeps = {
      tokens: new JwtTokenVerifier({ issuer: issuer.issuer, audience: 'shop-test-client' }),
      listings: new DynamoListingStore(table.doc, table.tableName),
      pavilionOrders: new DynamoPavilionOrdersStore(table.doc, table.tableName),
      operatorConsole: consoleStore,
      managers: new LocalManagerDirectory(await mkdtemp(join(tmpdir(), 'shop-managers-'))),
    };
  }
  const api = createApi({ ...deps, ...staffDeps });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: api.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await api.request(path, init);
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', headers: response.headers, body: text ? (JSON.parse(text) as any) : null };
  }

  return {
    api,
    deps,
    stripe,
    clock,
    telemetry,
    table,
    webhookSecret,
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    call,
    async newCart(lines: Record<string, number> = {}): Promise<string> {
      const created = await call('POST', '/api/carts');
      for (const [productId, quantity] of Object.entries(lines)) {
        const set = await call('PUT', `/api/carts/${created.body.id}/lines/${productId}`, { quantity });
        if (set.status !== 200) throw new Error(`could not put ${productId} in the cart: ${JSON.stringify(set.body)}`);
      }
      return created.body.id as string;
    },
    /** Checks the cart out with a valid recipient, buyer and accepted notice; `extra` overrides any of them. */
    checkout(cartId: string, extra: Record<string, unknown> = {}) {
      return call('POST', '/api/checkout', { ...checkoutDetails(), cartId, ...extra });
    },
    /** A product's three unit counts, read strongly consistent. */
    async units(productId: string) {
      const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.product(productId), ConsistentRead: true }));
      return { stock: Item?.stock as number, reserved: Item?.reserved as number, sold: Item?.sold as number };
    },
    async order(orderId: string) {
      return (await deps.orders.get(orderId))!;
    },
    /** What the order's buyer has counted toward their year (CNY fen), read strongly consistent. */
    async counted(orderId: string) {
      const { order } = (await deps.orders.get(orderId))!;
      return (await deps.orders.countedInYear(order.allowance.buyerKey, order.allowance.year)).amount;
    },
    /** A token of a pavilion's manager, or of the operator (needs `staff`). */
    async tokenOf(who: string | 'operator') {
      if (!issuer) throw new Error('start the shop with { staff: true }');
      return who === 'operator' ? issuer.signOperatorToken() : issuer.signToken(who as Pavilion['code']);
    },
    /** Checks the cart out and pays on the hosted page; resolves once the webhook made the order paid. */
    async paidOrder(lines: Record<string, number>, extra: Record<string, unknown> = {}) {
      const placed = await call('POST', '/api/checkout', { ...checkoutDetails(), cartId: await this.newCart(lines), ...extra });
      if (placed.status !== 201) throw new Error(`checkout refused: ${JSON.stringify(placed.body)}`);
      await stripe.pay((placed.body.checkoutUrl as string).split('/pay/')[1]!);
      const orderId = placed.body.orderId as string;
      await eventually(async () => (await deps.orders.get(orderId))?.order.status, (status) => status === 'paid');
      return { orderId, token: placed.body.orderToken as string };
    },
    async close() {
      await issuer?.stop();
      await stripe.stop();
      server.close();
      table.raw.destroy();
    },
  };
}

export type Shop = Awaited<ReturnType<typeof startShop>>;

/**
 * A fresh valid resident ID number (a Qingdao birth place, a random birth date and sequence, the
 * GB 11643 check character), so each test's buyer starts the year with the whole allowance.
 */
export function newResidentId(): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 50 * 365) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `370202${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Everything checkout needs beside the cart: a Qingdao recipient, a buyer with a valid ID number, the notice accepted. */
/**
 * Valid checkout details. Each call is a new shopper (a fresh email and ID number): one email or
 * buyer may hold only MAX_UNPAID_ORDERS_PER_SHOPPER unpaid orders (domain/order.ts), and the tests
 * leave many checkouts unpaid. A test about one shopper passes its email and ID number.
 */
export function checkoutDetails(overrides: { idNumber?: string; email?: string } = {}) {
  return {
    email: overrides.email ?? `shopper+${randomBytes(6).toString('hex')}@example.com`,
    recipient: { name: '王芳', phone: '13800138000', province: '370000', city: '370200', district: '370202', address: '香港中路 8 号 3 单元 1201 室', postcode: '266071' },
    buyer: { name: '王芳', idNumber: overrides.idNumber ?? newResidentId() },
    noticeAccepted: true,
  };
}

/** Waits until a condition holds (webhook deliveries are asynchronous); fails with the last value after the deadline. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
