import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JwtTokenVerifier } from '../../functions/adapters/auth/jwt-verifier.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoOrderStore } from '../../functions/adapters/dynamodb/order-store.js';
import { localIdentityVault } from '../../functions/adapters/secrets/identity-key.js';
import { maskResidentId } from '../../functions/domain/resident-id.js';
import type { Money } from '../../functions/domain/money.js';
import type { Order, OrderLine, OrderStatus } from '../../functions/domain/order.js';
import type { Recipient } from '../../functions/domain/recipient.js';
import { createApi } from '../../functions/http/api.js';
import { CUSTOMS_CSV_COLUMNS } from '../../functions/http/customs-csv.js';
import type { IdentityVault } from '../../functions/ports/identity-vault.js';
import { startTokenIssuer, type RunningTokenIssuer } from '../../infra/local/token-issuer/start.js';
import { aPavilion } from '../fixtures/products.js';
import { createTestTable } from '../support/table.js';
import { RecordingTelemetry } from '../support/telemetry.js';
import { authorizeQuery, postSignIn, signInForToken } from '../support/code-flow.js';

const AUDIENCE = 'operator-test-client';
/** A valid resident ID number (GB 11643-1999 check character X): customs needs it in full, nobody else does. */
const ID_NUMBER = '11010519491231002X';
const PAID = 'ORD-0PERAT0R00000001';
const PAID_BEFORE_PAYMENT_ID = 'ORD-0PERAT0R00000002';
const PENDING = 'ORD-0PERAT0R00000003';
const EXPIRED = 'ORD-0PERAT0R00000004';
const RESOLD = 'ORD-0PERAT0R00000005';
const TAMPERED = 'ORD-0PERAT0R00000006';
const OVER_YEAR = 'ORD-0PERAT0R00000007';
const BEFORE_BUYERS = 'ORD-0PERAT0R00000008';
const UNKNOWN = 'ORD-0PERAT0R00000009';
const PARTLY_REFUNDED = 'ORD-0PERAT0R00000010';

const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

/** A Qingdao buyer; the address has a comma and quotes (CSV quoting) and starts like a formula (CSV injection). */
const RECIPIENT: Recipient = {
  name: '王芳',
  phone: '13800138000',
  province: { code: '370000', name: '山东省' },
  city: { code: '370200', name: '青岛市' },
  district: { code: '370202', name: '市南区' },
  address: '=1+1 香港中路 8 号, "海景" 1201 室',
  postcode: '266071',
};

let table: Awaited<ReturnType<typeof createTestTable>>;
let issuer: RunningTokenIssuer;
let vault: IdentityVault;
let telemetry: RecordingTelemetry;
let api: ReturnType<typeof createApi>;
let tokens: { operator: string; managerKG: string; nobody: string; operatorAccess: string; operatorManager: string };

beforeAll(async () => {
  table = await createTestTable('operator');
  issuer = await startTokenIssuer({ keyDir: await mkdtemp(join(tmpdir(), 'operator-keys-')), audience: AUDIENCE, pavilions: [aPavilion()] });
  vault = localIdentityVault(randomBytes(32));
  telemetry = new RecordingTelemetry();
  const catalogue = new DynamoCatalogueStore(table.doc, table.tableName);
  await catalogue.putPavilion(aPavilion());
  api = createApi(
    {
      catalogue,
      orders: new DynamoOrderStore(table.doc, table.tableName, telemetry),
      tokens: new JwtTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE }),
      identity: vault,
      telemetry,
    },
    ['operator', 'pavilion'],
  );
  tokens = {
    operator: await issuer.signOperatorToken(),
    operatorAccess: await issuer.signOperatorToken({ tokenUse: 'access' }),
    managerKG: await issuer.signToken('KG'),
    nobody: await issuer.signToken('KG', { pavilionIn: 'none' }),
    operatorManager: await issuer.signToken('KG', { operator: true }),
  };
  await putOrder(PAID, 'paid');
  await putOrder(PAID_BEFORE_PAYMENT_ID, 'paid', { paymentId: undefined });
  await putOrder(RESOLD, 'paid_needs_attention', { attention: 'stock_gone' });
  await putOrder(OVER_YEAR, 'paid_needs_attention', { attention: 'allowance_gone' });
  await putOrder(BEFORE_BUYERS, 'paid', { withoutBuyer: true });
  await putOrder(PENDING, 'pending_payment', { paidAt: undefined, paymentId: undefined });
  await putOrder(EXPIRED, 'expired', { paidAt: undefined, paymentId: undefined });
  await putOrder(TAMPERED, 'paid', { idNumberSealed: await vault.seal(ID_NUMBER, PAID) });
  await putOrder(PARTLY_REFUNDED, 'partially_refunded', { refundedLine: 2 });
});

afterAll(() => issuer?.stop());

/** A paid two-line order as checkout and the webhook leave it (domain/order.ts), written straight to the table. */
async function putOrder(
  orderId: string,
  status: OrderStatus,
  changes: { paidAt?: string | undefined; paymentId?: string | undefined; idNumberSealed?: string; attention?: Order['attention']; withoutBuyer?: true; refundedLine?: number } = {},
) {
  const paidAt = 'paidAt' in changes ? changes.paidAt : '2026-03-01T10:05:00.000Z';
  const paymentId = 'paymentId' in changes ? changes.paymentId : 'pi_3Qcustoms0000000001';
  const shipTo = { recipient: RECIPIENT, buyerName: '王芳', buyerIdMasked: maskResidentId(ID_NUMBER) };
  const fulfilment = paidAt ? 'to_ship' : 'awaiting_payment';
  const lines: OrderLine[] = [
    {
      orderId, lineNo: 1, productId: 'kg-honey-white-500', pavilion: 'KG', sku: 'HONEY-WHITE-500',
      title: { zh: '伊塞克湖白蜜', ru: 'Белый мёд Иссык-Куля', en: 'Issyk-Kul white honey' },
      quantity: 2, unitPrice: { amount: 65_000, currency: 'KGS' }, chargedUnitPrice: cny(5_400),
      hsCode: '0409000000', vatBp: 900, consumptionTaxBp: 0, weightGrams: 560, fulfilmentMode: 'direct_rail',
      unitPriceCny: cny(5_400), goodsCny: cny(10_800), freightCny: cny(1_200), dutiableCny: cny(12_000), taxCny: cny(756),
      shipTo, fulfilment, ...(paidAt ? { paidAt } : {}),
    },
    {
      orderId, lineNo: 2, productId: 'kg-apricot-jam', pavilion: 'KG', sku: 'JAM-APRICOT',
      title: { zh: '杏子果酱', ru: 'Абрикосовый джем', en: 'Apricot jam' },
      quantity: 1, unitPrice: { amount: 44_000, currency: 'KGS' }, chargedUnitPrice: cny(3_650),
      hsCode: '2007999000', vatBp: 1300, consumptionTaxBp: 0, weightGrams: 400, fulfilmentMode: 'direct_rail',
      unitPriceCny: cny(3_650), goodsCny: cny(3_650), freightCny: cny(400), dutiableCny: cny(4_050), taxCny: cny(369),
      shipTo, fulfilment, ...(paidAt ? { paidAt } : {}),
    },
  ];
  const order: Order = {
    orderId, status, currency: 'CNY',
    total: cny(17_175), goods: cny(14_450), freight: cny(1_600), tax: cny(1_125),
    customs: { goods: cny(14_450), freight: cny(1_600), tax: cny(1_125), dutiableValue: cny(16_050) },
    recipient: RECIPIENT,
    buyer: { name: '王芳', phone: '13900139000', idNumberMasked: maskResidentId(ID_NUMBER), idNumberSealed: changes.idNumberSealed ?? (await vault.seal(ID_NUMBER, orderId)) },
    notice: { version: '2026-11-30', acceptedAt: '2026-03-01T10:00:00.000Z' },
    allowance: { buyerKey: await vault.buyerKey(ID_NUMBER), year: 2026, counted: cny(16_050) },
    subtotals: [{ amount: 109_000, currency: 'KGS' }],
    lines: lines.map(({ lineNo, productId, pavilion, quantity }) => ({ lineNo, productId, pavilion, quantity })),
    rates: [],
    language: 'zh',
    email: 'wang.fang@example.com',
    tokenHash: 'a'.repeat(64),
    paymentSessionId: 'cs_test_customs0000000001',
    ...(paymentId ? { paymentId } : {}),
    createdAt: '2026-03-01T10:00:00.000Z',
    expiresAt: '2026-03-01T10:30:00.000Z',
    ...(paidAt ? { paidAt } : {}),
    ...(changes.attention ? { attention: changes.attention } : {}),
  };
  // An order placed before checkout asked for the recipient and the buyer holds neither.
  const { buyer, recipient, customs, allowance, notice, ...withoutBuyer } = order;
  const item = changes.withoutBuyer ? withoutBuyer : order;
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.order(orderId), type: 'order', ...item } }));
  for (const written of lines) {
    // A line its pavilion refunded before shipping it (domain/refund.ts): it never crosses the border.
    const line: OrderLine =
      written.lineNo === changes.refundedLine
        ? { ...written, fulfilment: 'cancelled', refund: { refundId: 'RFD-0000000000000001', status: 'succeeded', cause: 'pavilion', amount: cny(4_419), requestedAt: '2026-03-02T10:00:00.000Z' } }
        : written;
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.orderLine(orderId, line.lineNo), ...(line.paidAt ? keys.pavilionQueueEntry(line, line.paidAt) : {}), type: 'order-line', ...line },
      }),
    );
  }
}

async function call(path: string, token: string | null, method = 'GET') {
  const response = await api.request(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  // Decoded with the BOM kept: the CSV's BOM is part of what is checked.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* CSV: keep the text */
  }
  return { status: response.status, headers: response.headers, text, body };
}

const customs = (orderId: string, query = '') => `/api/operator/orders/${orderId}/customs${query}`;

describe('the customs order document, for an operator', () => {
  it('leaves out the lines refunded before they shipped, and declares the rest with their own figures', async () => {
    const response = await call(customs(PARTLY_REFUNDED), tokens.operator);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'partially_refunded', goods: cny(10_800), freight: cny(1_200), dutiableValue: cny(12_000), tax: cny(756) });
    expect(response.body.lines.map((line: any) => line.lineNo)).toEqual([1]);
  });

  it('answers JSON with the order, the buyer’s ID number in full, the recipient, every line and the payment', async () => {
    const response = await call(customs(PAID), tokens.operator);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      orderId: PAID,
      status: 'paid',
      createdAt: '2026-03-01T10:00:00.000Z',
      paidAt: '2026-03-01T10:05:00.000Z',
      buyer: { name: '王芳', idNumber: ID_NUMBER, phone: '13900139000' },
      recipient: RECIPIENT,
      lines: [
        {
          lineNo: 1, pavilion: 'KG', sku: 'HONEY-WHITE-500', hsCode: '0409000000', title: '伊塞克湖白蜜', quantity: 2,
          unitPriceCny: cny(5_400), goodsCny: cny(10_800), freightCny: cny(1_200), dutiableCny: cny(12_000), taxCny: cny(756),
        },
        {
          lineNo: 2, pavilion: 'KG', sku: 'JAM-APRICOT', hsCode: '2007999000', title: '杏子果酱', quantity: 1,
          unitPriceCny: cny(3_650), goodsCny: cny(3_650), freightCny: cny(400), dutiableCny: cny(4_050), taxCny: cny(369),
        },
      ],
      goods: cny(14_450),
      freight: cny(1_600),
      dutiableValue: cny(16_050),
      tax: cny(1_125),
      amountPaid: cny(17_175),
      currency: 'CNY',
      paymentId: 'pi_3Qcustoms0000000001',
      notice: { version: '2026-11-30', acceptedAt: '2026-03-01T10:00:00.000Z' },
    });
  });

  it('gives the same data as CSV: one row per line, the order’s columns repeated, quoted where needed', async () => {
    const json = (await call(customs(PAID), tokens.operator)).body;
    const response = await call(customs(PAID, '?format=csv'), tokens.operator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="customs-${PAID}.csv"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    expect(response.text).toContain('\r\n');
    // The address has a comma and quotes: one field, its quotes doubled.
    expect(response.text).toContain(`"'=1+1 香港中路 8 号, ""海景"" 1201 室"`);

    const rows: Record<string, string>[] = parse(response.text, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...CUSTOMS_CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    const yuan = (money: Money) => (money.amount / 100).toFixed(2);
    rows.forEach((row, index) => {
      const line = json.lines[index];
      expect(row).toEqual({
        order_id: PAID,
        status: 'paid',
        created_at: json.createdAt,
        paid_at: json.paidAt,
        buyer_name: '王芳',
        buyer_id_number: ID_NUMBER,
        buyer_phone: '13900139000',
        recipient_name: RECIPIENT.name,
        recipient_phone: RECIPIENT.phone,
        province_code: '370000',
        province: '山东省',
        city_code: '370200',
        city: '青岛市',
        district_code: '370202',
        district: '市南区',
        // A leading apostrophe keeps the shopper's text from running as a spreadsheet formula.
        address: `'${RECIPIENT.address}`,
        postcode: '266071',
        line_no: String(line.lineNo),
        pavilion: line.pavilion,
        sku: line.sku,
        hs_code: line.hsCode,
        title: line.title,
        quantity: String(line.quantity),
        unit_price_cny: yuan(line.unitPriceCny),
        goods_cny: yuan(line.goodsCny),
        freight_cny: yuan(line.freightCny),
        dutiable_cny: yuan(line.dutiableCny),
        tax_cny: yuan(line.taxCny),
        order_goods_cny: '144.50',
        order_freight_cny: '16.00',
        order_dutiable_value_cny: '160.50',
        order_tax_cny: '11.25',
        amount_paid: '171.75',
        currency: 'CNY',
        payment_id: 'pi_3Qcustoms0000000001',
        notice_version: '2026-11-30',
        notice_accepted_at: '2026-03-01T10:00:00.000Z',
      });
    });
    expect(rows[0]!.unit_price_cny).toBe('54.00');
    expect(rows[1]!.tax_cny).toBe('3.69');
  });

  it('names the Checkout Session when the payment’s own id was never recorded', async () => {
    const response = await call(customs(PAID_BEFORE_PAYMENT_ID), tokens.operator);
    expect(response.status).toBe(200);
    expect(response.body.paymentId).toBe('cs_test_customs0000000001');
  });

  it('covers an order paid after its reservation lapsed (paid_needs_attention): it was paid, so it is declared', async () => {
    const response = await call(customs(RESOLD), tokens.operator);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'paid_needs_attention', buyer: { idNumber: ID_NUMBER } });
  });

  it('admits an operator’s access token and an operator who also manages a pavilion', async () => {
    expect((await call(customs(PAID), tokens.operatorAccess)).status).toBe(200);
    expect((await call(customs(PAID), tokens.operatorManager)).status).toBe(200);
  });

  it('logs who read which order, and never the ID number, the name or the phone', async () => {
    await call(customs(PAID, '?format=csv'), tokens.operator);
    const reads = telemetry.logs.filter((log) => log.message === 'customs_document_read');
    expect(reads).toContainEqual({ level: 'info', message: 'customs_document_read', fields: { orderId: PAID, operator: 'demo-operator', format: 'csv' } });
    const logged = telemetry.everythingLogged();
    for (const personal of [ID_NUMBER, ID_NUMBER.slice(6, 14), '王芳', '13900139000', '13800138000', '香港中路']) expect(logged).not.toContain(personal);
  });

  it('leaves the ID number sealed in the table: only the answer carries it', async () => {
    const { Items } = await table.doc.send(
      new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.order(PAID).PK } }),
    );
    expect(Items).toHaveLength(3);
    expect(JSON.stringify(Items)).not.toContain(ID_NUMBER);
  });
});

describe('what has no customs document', () => {
  it('answers 409 for orders that were never paid', async () => {
    for (const [orderId, status] of [[PENDING, 'pending_payment'], [EXPIRED, 'expired']] as const) {
      for (const query of ['', '?format=csv']) {
        const response = await call(customs(orderId, query), tokens.operator);
        expect(response.status, `${orderId}${query}`).toBe(409);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.orderStatus).toBe(status);
        expect(response.text).not.toContain(ID_NUMBER);
        expect(response.text).not.toContain('王芳');
      }
    }
  });

  it('answers 409 for a late payment that found the buyer’s yearly limit used up: refund it, never declare it', async () => {
    const response = await call(customs(OVER_YEAR), tokens.operator);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ reason: 'over_yearly_limit' });
    expect(response.text).not.toContain(ID_NUMBER);
  });

  it('answers 409, not 500, for a paid order placed before checkout asked for the recipient and the buyer', async () => {
    const response = await call(customs(BEFORE_BUYERS), tokens.operator);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ reason: 'no_buyer_details' });
  });

  it('answers 404 for an order that does not exist, and 400 for what is not an order id or a format', async () => {
    const missing = await call(customs(UNKNOWN), tokens.operator);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await call(customs('not-an-order'), tokens.operator);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toContainEqual(expect.objectContaining({ field: 'orderId' }));
    const format = await call(customs(PAID, '?format=xlsx'), tokens.operator);
    expect(format.status).toBe(400);
    expect(format.body.errors).toContainEqual(expect.objectContaining({ field: 'format' }));
  });

  it('fails closed, saying nothing of the buyer, when the sealed number does not open for this order', async () => {
    const response = await call(customs(TAMPERED), tokens.operator);
    expect(response.status).toBe(500);
    expect(response.text).not.toContain(ID_NUMBER);
    expect(response.text).not.toContain('王芳');
    expect(telemetry.logs).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ error: 'UnreadableIdentityError' }) }));
    expect(telemetry.everythingLogged()).not.toContain(ID_NUMBER);
  });
});

describe('who may not read it', () => {
  const operatorPaths = () => [
    ['GET', customs(PAID)],
    ['GET', customs(PAID, '?format=csv')],
    ['GET', customs(UNKNOWN)],
    ['GET', customs(PENDING)],
    ['GET', customs('not-an-order')],
    ['POST', customs(PAID)],
    ['GET', '/api/operator/orders'],
    ['GET', '/api/operator/me'],
    ['DELETE', '/api/operator/anything/at/all'],
  ] as const;

  it('answers 401 with a Bearer challenge without a token, or with a bad one', async () => {
    const forged = `${tokens.operator.split('.').slice(0, 2).join('.')}.${'A'.repeat(342)}`;
    for (const token of [null, forged, await issuer.signOperatorToken({ expiresIn: -60 }), await issuer.signOperatorToken({ audience: 'another-client' })]) {
      for (const [method, path] of operatorPaths()) {
        const response = await call(path, token, method);
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="operator"/);
        expect(response.text).not.toContain(ID_NUMBER);
      }
    }
  });

  it('answers 403 to a pavilion’s manager, or anyone outside the operators group, on every operator path, known or not', async () => {
    for (const token of [tokens.managerKG, tokens.nobody]) {
      for (const [method, path] of operatorPaths()) {
        const response = await call(path, token, method);
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.title).toBe('This account is not an operator');
        expect(response.text).not.toMatch(new RegExp(`${ID_NUMBER}|王芳|伊塞克湖|0409000000`));
      }
    }
  });

  it('still answers 404 to an operator on a path that does not exist', async () => {
    expect((await call('/api/operator/anything/at/all', tokens.operator)).status).toBe(404);
  });

  it('keeps operators out of the pavilion workspace unless they also manage a pavilion', async () => {
    const operator = await call('/api/pavilion/me', tokens.operator);
    expect(operator.status).toBe(403);
    expect(operator.body.title).toBe('This account manages no pavilion');
    const both = await call('/api/pavilion/me', tokens.operatorManager);
    expect(both.status).toBe(200);
    // The workspace sees the manager, never the operator flag.
    expect(both.body.manager).toEqual({ subject: 'demo-manager-kg', pavilion: 'KG' });
  });
});

describe('the local issuer’s operator sign-in', () => {
  it('is offered on the sign-in page next to the demo managers', async () => {
    const html = await (await fetch(`${issuer.issuer}/sign-in?${authorizeQuery()}`)).text();
    expect(html).toContain('<input type="hidden" name="pavilion" value="KG">');
    expect(html).toContain('<input type="hidden" name="role" value="operator">');
  });

  const signIn = async (form: Record<string, string>) => (await postSignIn(issuer.issuer, form)).response;

  it('returns the demo operator to the operator console with a code and the state, the nonce in the token the code buys', async () => {
    const response = await signIn({ role: 'operator', state: 's-op', nonce: 'n-op' });
    expect(response.status).toBe(303);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('location')).toMatch(/^\/operator\/\?code=[\w-]{43}&state=s-op$/);
    const { token } = await signInForToken(issuer.issuer, { role: 'operator', state: 's-op', nonce: 'n-op' });
    expect(decodeJwt(token)).toMatchObject({ nonce: 'n-op', sub: 'demo-operator', 'cognito:groups': ['operators'] });
    expect((await call(customs(PAID), token)).status).toBe(200);
  });

  it('returns whoever signs in to the page that asked (redirect_uri), as Cognito does, but only to the allowed pages', async () => {
    // The console's sign-in URL asks for /operator/; the page carries that along with state and nonce.
    const page = await (await fetch(`${issuer.operatorSignInUrl}&${authorizeQuery({ state: 's-1', nonce: 'n-1' })}`)).text();
    expect(page).toContain('<input type="hidden" name="redirect_uri" value="/operator/">');
    // A manager who signs in on the operator console lands there, where the console tells them it is not theirs.
    const manager = await signInForToken(issuer.issuer, { pavilion: 'KG', state: 's-1', nonce: 'n-1', redirect_uri: '/operator/' });
    expect(manager.location).toMatch(/^\/operator\/\?code=[\w-]+&state=s-1$/);
    expect((await call('/api/operator/me', manager.token)).status).toBe(403);
    // An operator who signs in on the workspace lands there.
    expect((await signIn({ role: 'operator', redirect_uri: '/pavilion/' })).headers.get('location')).toMatch(/^\/pavilion\/\?code=/);
    // Anywhere else: refused, not redirected (no open redirect, no token sent to a stranger).
    for (const elsewhere of ['https://attacker.example/operator/', '//attacker.example/', '/operator/../evil/', '/operator']) {
      expect((await fetch(`${issuer.issuer}/sign-in?${authorizeQuery({ redirect_uri: elsewhere })}`)).status, elsewhere).toBe(400);
      const refused = await signIn({ role: 'operator', redirect_uri: elsewhere });
      expect(refused.status, elsewhere).toBe(400);
      expect(refused.headers.get('location')).toBeNull();
    }
  });

  it('signs out back to the page that asked (logout_uri), and only to an allowed page', async () => {
    const back = await fetch(issuer.operatorSignOutUrl, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/operator/');
    expect((await fetch(`${issuer.issuer}/sign-out?logout_uri=${encodeURIComponent('https://attacker.example/')}`, { redirect: 'manual' })).status).toBe(400);
  });
});

describe('the operator console’s session', () => {
  it('is told where operators sign in and out, without a token, the same way as the workspace', async () => {
    const configured = createApi({ catalogue: new DynamoCatalogueStore(table.doc, table.tableName), operatorSignInUrl: issuer.operatorSignInUrl, operatorSignOutUrl: issuer.operatorSignOutUrl }, ['operator']);
    const response = await configured.request('/api/operator/session-config');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ signInUrl: `${issuer.issuer}/sign-in?redirect_uri=%2Foperator%2F`, signOutUrl: `${issuer.issuer}/sign-out?logout_uri=%2Foperator%2F` });
    // Unconfigured: the local issuer's path, and no sign-out page.
    expect((await call('/api/operator/session-config', null)).body).toEqual({ signInUrl: '/auth/sign-in' });
  });

  it('learns right after sign-in whether the token is an operator’s', async () => {
    const me = await call('/api/operator/me', tokens.operator);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ operator: { subject: 'demo-operator' } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect((await call('/api/operator/me', tokens.managerKG)).body.title).toBe('This account is not an operator');
  });
});
