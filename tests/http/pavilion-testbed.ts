import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { JwtTokenVerifier } from '../../functions/adapters/auth/jwt-verifier.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoListingStore } from '../../functions/adapters/dynamodb/listing-store.js';
import { DynamoOrderStore } from '../../functions/adapters/dynamodb/order-store.js';
import { DynamoRefundStore } from '../../functions/adapters/dynamodb/refund-store.js';
import { DynamoLedgerStore } from '../../functions/adapters/dynamodb/ledger-store.js';
import { DynamoPavilionOrdersStore } from '../../functions/adapters/dynamodb/pavilion-orders-store.js';
import { LocalImageStore } from '../../functions/adapters/images/local-image-store.js';
import type { Order, OrderLine, ShipTo } from '../../functions/domain/order.js';
import type { PaymentGateway } from '../../functions/ports/payment-gateway.js';
import { createApi } from '../../functions/http/api.js';
import { startTokenIssuer, type RunningTokenIssuer } from '../../infra/local/token-issuer/start.js';
import { aPavilion } from '../fixtures/products.js';
import { createTestTable } from '../support/table.js';
import { RecordingTelemetry } from '../support/telemetry.js';

export const KG = aPavilion();
export const RU = aPavilion({ code: 'RU', currency: 'RUB', name: { zh: '俄罗斯', ru: 'Россия', en: 'Russia' }, flag: '🇷🇺' });
export const AUDIENCE = 'pavilion-test-client';

export type Testbed = Awaited<ReturnType<typeof startPavilionTestbed>>;

/**
 * Real parts for the workspace tests: a fresh table on DynamoDB Local, a real token issuer on its
 * own port (keys in a temp folder), the real verifier fetching its JWKS over HTTP, and a media folder.
 */
export async function startPavilionTestbed() {
  const table = await createTestTable('pavilion');
  const catalogue = new DynamoCatalogueStore(table.doc, table.tableName);
  await catalogue.putPavilion(KG);
  await catalogue.putPavilion(RU);
  const issuer: RunningTokenIssuer = await startTokenIssuer({
    keyDir: await mkdtemp(join(tmpdir(), 'pavilion-keys-')),
    audience: AUDIENCE,
    pavilions: [KG, RU],
  });
  const mediaDir = await mkdtemp(join(tmpdir(), 'pavilion-media-'));
  const images = new LocalImageStore({ mediaDir });
  const changes: string[] = [];
  const listings = new DynamoListingStore(table.doc, table.tableName);
  const telemetry = new RecordingTelemetry();
  const api = createApi(
    {
      catalogue,
      listings,
      pavilionOrders: new DynamoPavilionOrdersStore(table.doc, table.tableName),
      orders: new DynamoOrderStore(table.doc, table.tableName, telemetry),
      refunds: new DynamoRefundStore(table.doc, table.tableName, telemetry),
      ledger: new DynamoLedgerStore(table.doc, table.tableName),
      // No payment provider here: a route that got as far as paying a refund back would fail loudly (tests/http/after-sale.test.ts pays them).
      payments: new Proxy({} as PaymentGateway, { get: () => () => Promise.reject(new Error('no payment provider in the pavilion testbed')) }),
      tokens: new JwtTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE }),
      images,
      uploads: images,
      pavilionSignInUrl: `${issuer.issuer}/sign-in`,
      onCatalogueChange: (id) => changes.push(id),
      telemetry,
    },
    // The operator app too: a manager's token must get no further there than a 403 (pavilion-isolation.test.ts).
    ['pavilion', 'catalogue', 'operator'],
  );
  const tokens = { KG: await issuer.signToken('KG'), RU: await issuer.signToken('RU') };

  async function call(method: string, path: string, options: { token?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const response = await api.request(path, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  /** What checkout does to a product, done directly so tests need not run a checkout. */
  async function reserve(productId: string, units: number) {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.product(productId),
        UpdateExpression: 'ADD stock :minus, reserved :units',
        ConditionExpression: 'stock >= :units',
        ExpressionAttributeValues: { ':minus': -units, ':units': units },
      }),
    );
  }

  /** An order line as the checkout helper writes it (domain/order.ts contract); paid lines join the pavilion queue. */
  async function putOrderLine(line: Partial<OrderLine> & Pick<OrderLine, 'orderId' | 'lineNo' | 'pavilion'>) {
    const item: OrderLine = {
      productId: `${line.pavilion.toLowerCase()}-honey`,
      sku: 'HONEY',
      title: { zh: '蜂蜜', ru: 'Мёд', en: 'Honey' },
      quantity: 2,
      unitPrice: { amount: 65_000, currency: line.pavilion === 'RU' ? 'RUB' : 'KGS' },
      chargedUnitPrice: { amount: 5_400, currency: 'CNY' },
      hsCode: '0409000000',
      vatBp: 900,
      consumptionTaxBp: 0,
      weightGrams: 560,
      fulfilmentMode: 'direct_rail',
      unitPriceCny: { amount: 5_400, currency: 'CNY' },
      goodsCny: { amount: 10_800, currency: 'CNY' },
      freightCny: { amount: 2_800, currency: 'CNY' },
      dutiableCny: { amount: 13_600, currency: 'CNY' },
      taxCny: { amount: 857, currency: 'CNY' },
      shipTo: QINGDAO_SHIP_TO,
      fulfilment: 'to_ship',
      ...line,
    };
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.orderLine(item.orderId, item.lineNo),
          ...(item.paidAt ? keys.pavilionQueueEntry(item, item.paidAt) : {}),
          type: 'order-line',
          ...item,
        },
      }),
    );
    return item;
  }

  /** The order item of lines put with putOrderLine, paid in CNY: what the after-sale routes read before they act on a line. */
  async function putOrder(orderId: string, lines: readonly OrderLine[]) {
    const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
    const goods = lines.reduce((sum, line) => sum + line.chargedUnitPrice.amount * line.quantity, 0);
    const freight = lines.reduce((sum, line) => sum + line.freightCny.amount, 0);
    const tax = lines.reduce((sum, line) => sum + line.taxCny.amount, 0);
    const order: Partial<Order> = {
      orderId, status: 'paid', currency: 'CNY', goods: cny(goods), freight: cny(freight), tax: cny(tax), total: cny(goods + freight + tax),
      lines: lines.map(({ lineNo, productId, pavilion, quantity }) => ({ lineNo, productId, pavilion, quantity })),
      paymentId: `pi_${orderId}`, createdAt: '2026-03-01T09:00:00.000Z', paidAt: '2026-03-01T09:01:00.000Z', language: 'en',
    };
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.order(orderId), type: 'order', ...order } }));
  }

  return { table, catalogue, listings, issuer, api, call, tokens, mediaDir, changes, telemetry, reserve, putOrderLine, putOrder, stop: () => issuer.stop() };
}

/** A buyer in Qingdao who is also the recipient; checkout writes this onto each of the order's lines. */
export const QINGDAO_SHIP_TO: ShipTo = {
  recipient: {
    name: '王小明',
    phone: '13800138000',
    province: { code: '370000', name: '山东省' },
    city: { code: '370200', name: '青岛市' },
    district: { code: '370202', name: '市南区' },
    address: '香港中路 10 号 2 单元 501 室',
    postcode: '266071',
  },
  buyerName: '王小明',
  buyerIdMasked: '370***********9973',
};

/** A complete, valid listing as a manager would send it. */
export function aListingBody(overrides: Record<string, unknown> = {}) {
  return {
    sku: 'HONEY-WHITE-500',
    category: 'honey',
    title: { zh: '伊塞克湖白蜜', ru: 'Белый мёд Иссык-Куля', en: 'Issyk-Kul white honey' },
    description: { zh: '奶油状白蜜。', ru: 'Кремовый белый мёд.', en: 'Creamy white honey.' },
    unit: { zh: '罐', ru: 'банка', en: 'jar' },
    price: { amount: 65_000, currency: 'KGS' },
    weightGrams: 560,
    origin: { zh: '伊塞克湖州', ru: 'Иссык-Кульская область', en: 'Issyk-Kul region' },
    producer: { zh: '卡拉科尔养蜂合作社', ru: 'Кооператив Каракола', en: 'Karakol Beekeepers' },
    certificates: [{ kind: 'gacc', number: 'CKGZ12012209210001', issuer: 'GACC', validUntil: '2027-12-31' }],
    fulfilment: { mode: 'direct_rail', leadTimeDays: 14 },
    hsCode: '0409000000',
    images: [],
    onHand: 20,
    ...overrides,
  };
}

/** The editable part of a listing body plus a version, for PUT. */
export function anEdit(version: number, overrides: Record<string, unknown> = {}) {
  const { sku, onHand, ...content } = aListingBody();
  return { ...content, version, ...overrides };
}
