import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { HmacShopperKeys } from '../../functions/adapters/crypto/shopper-keys.js';
import { DynamoCartStore } from '../../functions/adapters/dynamodb/cart-store.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { DynamoLedgerStore } from '../../functions/adapters/dynamodb/ledger-store.js';
import { DynamoOperatorConsoleStore } from '../../functions/adapters/dynamodb/operator-console-store.js';
import { DynamoOrderStore } from '../../functions/adapters/dynamodb/order-store.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { DynamoRefundStore } from '../../functions/adapters/dynamodb/refund-store.js';
import { localIdentityVault } from '../../functions/adapters/secrets/identity-key.js';
import { createStripeClient } from '../../functions/adapters/stripe/client.js';
import { StripePaymentGateway } from '../../functions/adapters/stripe/stripe-gateway.js';
import { createApi } from '../../functions/http/api.js';
import type { ShopDeps } from '../../functions/usecases/shop-deps.js';
import { recordDynamoCalls, type RecordedDynamoCall } from '../support/consumed-capacity.js';
import { RecordingTelemetry } from '../support/telemetry.js';
import type { ApiFixture } from './api-fixture.js';
import { table } from './report.js';
import { checkoutBody } from './shopper.js';

/**
 * Consumed capacity per request type, as DynamoDB Local reports it (ReturnConsumedCapacity TOTAL on
 * every command, tests/support/consumed-capacity.ts). The stack does not hand out its document client,
 * so the same adapters and use cases are wired here (as tests/support/shop.ts wires them) on a document
 * client of our own, against the stack's DynamoDB Local, table and local Stripe.
 */

export interface CapacityRow {
  readonly request: string;
  readonly status: number;
  readonly calls: readonly RecordedDynamoCall[];
}

export interface CapacityResult {
  readonly rows: readonly CapacityRow[];
  /** The first Query the filtered listing sent: the bare server replays it. */
  readonly listingQuery: QueryCommandInput;
}

export async function measureCapacity(
  doc: DynamoDBDocumentClient,
  tableName: string,
  stripeUrl: string,
  fixture: ApiFixture,
): Promise<CapacityResult> {
  const queries: QueryCommandInput[] = [];
  // Keeps a copy of each Query as the store built it (document-client values, before marshalling).
  const send = doc.send.bind(doc) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  (doc as unknown as { send: typeof send }).send = (command, ...rest) => {
    if (command instanceof QueryCommand) queries.push(structuredClone(command.input));
    return send(command, ...rest);
  };
  const recorder = recordDynamoCalls(doc);
  const telemetry = new RecordingTelemetry();
  const consoleStore = new DynamoOperatorConsoleStore(doc, tableName);
  const lookupKey = randomBytes(32);
  const deps: ShopDeps = {
    catalogue: new DynamoCatalogueStore(doc, tableName),
    carts: new DynamoCartStore(doc, tableName),
    orders: new DynamoOrderStore(doc, tableName, telemetry),
    refunds: new DynamoRefundStore(doc, tableName, telemetry),
    payments: new StripePaymentGateway(createStripeClient({ secretKey: 'sk_test_local', apiBase: stripeUrl }), `whsec_${randomBytes(16).toString('hex')}`),
    identity: localIdentityVault(randomBytes(32)),
    clock: { now: () => new Date() },
    rateStore: new DynamoRateStore(doc, tableName),
    publicBaseUrl: 'http://localhost:4321',
    telemetry,
    ledger: new DynamoLedgerStore(doc, tableName),
    shopperKeys: new HmacShopperKeys(async () => lookupKey),
    refusedEvents: consoleStore,
  };
  const api = createApi(deps);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.request(path, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const measured = async (request: string, method: string, path: string, body?: unknown): Promise<CapacityRow> => {
    recorder.reset();
    const { status } = await call(method, path, body);
    return { request, status, calls: [...recorder.calls] };
  };

  const { pavilion, category } = fixture.listing;
  const rows: CapacityRow[] = [];
  rows.push(await measured('GET product', 'GET', `/api/products/${fixture.productIds[0]}`));
  rows.push(await measured(`listing (pavilion ${pavilion})`, 'GET', `/api/products?pavilion=${pavilion}`));
  queries.splice(0);
  rows.push(await measured(`filtered listing (pavilion ${pavilion}, category ${category})`, 'GET', `/api/products?pavilion=${pavilion}&category=${category}`));
  const listingQuery = queries[0];
  if (!listingQuery) throw new Error('the filtered listing sent no Query');
  const cart = await call('POST', '/api/carts');
  const cartId = String(cart.body.id);
  rows.push(await measured('cart line PUT', 'PUT', `/api/carts/${cartId}/lines/${fixture.stockProductId}`, { quantity: 1 }));
  rows.push(await measured('checkout', 'POST', '/api/checkout', checkoutBody(cartId)));
  return { rows, listingQuery };
}

function describeCalls(calls: readonly RecordedDynamoCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const name = call.index ? `${call.command} (${call.index})` : call.command;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ') || 'none';
}

const units = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function capacitySection(result: CapacityResult): string {
  const rows = result.rows.map((row) => {
    const reads = row.calls.reduce((total, call) => total + call.readUnits, 0);
    const writes = row.calls.reduce((total, call) => total + call.writeUnits, 0);
    return [row.request, row.status, row.calls.length, describeCalls(row.calls), units(reads), units(writes), row.calls.some((call) => call.filter) ? 'yes' : 'no'];
  });
  return [
    '## DynamoDB: consumed capacity per request',
    '',
    'One request of each type through the same adapters and use cases the API runs, with `ReturnConsumedCapacity` on every ' +
      'command (tests/support/consumed-capacity.ts), as DynamoDB Local reports it (it follows the DynamoDB rules: 4 KB per read ' +
      'unit, eventually consistent reads at half, 1 KB per write unit, transactions double).',
    '',
    table(['request', 'status', 'commands', 'which', 'read units', 'write units', 'FilterExpression'], rows),
  ].join('\n');
}
