import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import Stripe from 'stripe';
import { keyCondition, queries } from '../../functions/adapters/dynamodb/keys.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, eventually, startShop, type Shop } from '../support/shop.js';

/**
 * The operator console's API on real parts: the shop, the workspace and the operators' app on one
 * table, the local Stripe paying, refunding and failing refunds through the real SDK.
 */
let shop: Shop;
let tokens: { KG: string; RU: string; operator: string };
const signer = new Stripe('sk_test_signer', { telemetry: false });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const asOperator = (method: string, path: string, body?: unknown) => shop.call(method, path, body, bearer(tokens.operator));

beforeAll(async () => {
  shop = await startShop({ staff: true });
  tokens = { KG: await shop.tokenOf('KG'), RU: await shop.tokenOf('RU'), operator: await shop.tokenOf('operator') };
});
afterAll(async () => shop?.close());

const UNKNOWN_ORDER = 'ORD-0000000000000000';

/** A checkout left unpaid: the order, its session and its product. */
async function pendingOrder(stock = 10, email?: string) {
  const product = aProduct({ stock });
  await shop.deps.catalogue.putProducts([product]);
  const placed = await shop.checkout(await shop.newCart({ [product.id]: 1 }), checkoutDetails({ email }));
  expect(placed.status).toBe(201);
  const sessionId = (placed.body.checkoutUrl as string).split('/pay/')[1]!;
  const session = shop.stripe.sessions().find((entry) => entry.session.id === sessionId)!.session;
  return { product, orderId: placed.body.orderId as string, session };
}

let eventCounter = 0;
function deliver(type: string, session: object, changes: Record<string, unknown>) {
  eventCounter += 1;
  const payload = JSON.stringify({ id: `evt_console_${Date.now()}_${eventCounter}`, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object: { ...session, ...changes } } });
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: shop.webhookSecret });
  return shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature });
}

const ROUTES: readonly { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/operator/attention' },
  { method: 'POST', path: '/api/operator/orders/search', body: { email: 'a@example.com' } },
  { method: 'GET', path: `/api/operator/orders/${UNKNOWN_ORDER}` },
  { method: 'GET', path: '/api/operator/pavilions' },
  { method: 'POST', path: '/api/operator/pavilions/KG/managers', body: { email: 'new@example.com' } },
  { method: 'POST', path: '/api/operator/pavilions/KG/suspension', body: { reason: 'unpaid fees' } },
  { method: 'POST', path: '/api/operator/pavilions/KG/reinstatement', body: { reason: 'fees paid' } },
];

describe('who may use the console', () => {
  it('answers 401 without a token and 403 to a pavilion manager, on every console route, and changes nothing', async () => {
    for (const route of ROUTES) {
      expect((await shop.call(route.method, route.path, route.body)).status, `${route.method} ${route.path}`).toBe(401);
      const manager = await shop.call(route.method, route.path, route.body, bearer(tokens.KG));
      expect(manager.status, `${route.method} ${route.path}`).toBe(403);
      expect(manager.type).toContain('application/problem+json');
    }
    const pavilions = await asOperator('GET', '/api/operator/pavilions');
    expect(pavilions.body.items.every((pavilion: any) => pavilion.status === 'active' && pavilion.actions.length === 0)).toBe(true);
  });

  it('lists every console route in the OpenAPI document', async () => {
    const document = (await shop.call('GET', '/api/openapi.json')).body;
    for (const path of ['/api/operator/attention', '/api/operator/orders/search', '/api/operator/orders/{id}', '/api/operator/pavilions', '/api/operator/pavilions/{code}/managers', '/api/operator/pavilions/{code}/suspension', '/api/operator/pavilions/{code}/reinstatement']) {
      expect(document.paths[path], path).toBeDefined();
    }
  });
});

describe('bad input', () => {
  it.each([
    ['GET', '/api/operator/orders/not-an-order', undefined, 'id'],
    ['POST', '/api/operator/orders/search', {}, 'email'],
    ['POST', '/api/operator/orders/search', { email: 'not-an-email' }, 'email'],
    ['POST', '/api/operator/orders/search', { email: 'a@example.com', extra: 1 }, '(root)'],
    ['POST', '/api/operator/pavilions/KG/managers', {}, 'email'],
    ['POST', '/api/operator/pavilions/KG/managers', { email: 'nobody' }, 'email'],
    ['POST', '/api/operator/pavilions/KG/managers', { email: 'a@example.com', pavilion: 'RU' }, '(root)'],
    ['POST', '/api/operator/pavilions/kgz/managers', { email: 'a@example.com' }, 'code'],
    ['POST', '/api/operator/pavilions/KG/suspension', {}, 'reason'],
    ['POST', '/api/operator/pavilions/KG/suspension', { reason: 'x' }, 'reason'],
    ['POST', '/api/operator/pavilions/KG/reinstatement', { reason: 'x'.repeat(501) }, 'reason'],
  ])('%s %s %j is a 400 naming %s', async (method, path, body, field) => {
    const answer = await asOperator(method, path, body);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors.map((error: any) => error.field)).toContain(field);
  });

  it('answers 415 for a body that is not JSON, and 404 for an unknown order or pavilion', async () => {
    expect((await shop.call('POST', '/api/operator/pavilions/KG/suspension', 'reason=x', { ...bearer(tokens.operator), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await asOperator('GET', `/api/operator/orders/${UNKNOWN_ORDER}`)).status).toBe(404);
    const unknown = await asOperator('POST', '/api/operator/pavilions/ZZ/suspension', { reason: 'no such pavilion' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.reason).toBe('no_such_pavilion');
    expect((await asOperator('POST', '/api/operator/pavilions/ZZ/managers', { email: 'zz@example.com' })).status).toBe(404);
  });
});

describe('finding an order and its history', () => {
  it('finds a shopper’s orders by email whatever its case, never under the address itself', async () => {
    const email = `Mixed.Case+${Date.now()}@Example.com`;
    const { orderId } = await pendingOrder(10, email);
    const found = await asOperator('POST', '/api/operator/orders/search', { email: email.toLowerCase() });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ orderId, status: 'pending_payment' })]);
    expect((await asOperator('POST', '/api/operator/orders/search', { email: 'someone.else@example.com' })).body.items).toEqual([]);
    // The index key is a keyed hash: no key of the table holds the address.
    const { Items } = await shop.table.doc.send(new ScanCommand({ TableName: shop.table.tableName }));
    const keysOf = (Items ?? []).flatMap((item) => ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'].map((name) => String(item[name] ?? '')));
    expect(keysOf.some((key) => key.toLowerCase().includes(email.toLowerCase()))).toBe(false);
  });

  it('refunds a line with a reason and shows the refund and the operator’s action in the history', async () => {
    const honey = aProduct({ stock: 10 });
    const jam = aProduct({ stock: 10 });
    await shop.deps.catalogue.putProducts([honey, jam]);
    const { orderId } = await shop.paidOrder({ [honey.id]: 1, [jam.id]: 2 }, { email: 'shopper@example.com' });
    const refunded = await asOperator('POST', `/api/operator/orders/${orderId}/refund`, { lineNo: 2, reason: 'jar broken in the warehouse' });
    expect(refunded.status).toBe(200);
    await eventually(() => shop.order(orderId), (stored) => stored.refunds.every((refund) => refund.status === 'succeeded'));

    const file = await asOperator('GET', `/api/operator/orders/${orderId}`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ orderId, status: 'partially_refunded', email: 'shopper@example.com' });
    expect(file.body.lines.map((line: any) => [line.lineNo, line.fulfilment, line.refund?.status ?? null])).toEqual([[1, 'to_ship', null], [2, 'cancelled', 'succeeded']]);
    const kinds = file.body.history.map((entry: any) => entry.kind);
    expect(kinds.slice(0, 2)).toEqual(['placed', 'paid']);
    expect(kinds).toEqual(expect.arrayContaining(['refund_requested', 'refund_succeeded', 'operator_action']));
    const action = file.body.history.find((entry: any) => entry.kind === 'operator_action');
    expect(action).toMatchObject({ by: 'demo-operator', lineNo: 2 });
    expect(action.detail).toContain('jar broken in the warehouse');
    // The file is for support, not customs: no ID number, sealed or masked, and no recipient.
    expect(JSON.stringify(file.body)).not.toMatch(/idNumber|recipient|110105/);
  });
});

describe('needs attention', () => {
  it('shows a paid order that needs attention, a failed refund, a payment stuck past its session and a refused event, each with what to do', async () => {
    // Paid after its reservation lapsed and its last unit went to someone else: paid_needs_attention (stock_gone).
    const late = await pendingOrder(1);
    await deliver('checkout.session.expired', late.session, { status: 'expired' });
    const rival = await shop.checkout(await shop.newCart({ [late.product.id]: 1 }));
    expect(rival.status).toBe(201);
    const resold = await deliver('checkout.session.completed', late.session, { status: 'complete', payment_status: 'paid' });
    expect(resold.body.status).toBe('paid_needs_attention');

    // A refund Stripe refuses.
    const product = aProduct({ stock: 5 });
    await shop.deps.catalogue.putProducts([product]);
    const { orderId: refundedId } = await shop.paidOrder({ [product.id]: 1 });
    shop.stripe.failNextRefunds(1);
    expect((await asOperator('POST', `/api/operator/orders/${refundedId}/refund`, { reason: 'shopper asked by phone' })).status).toBe(200);
    await eventually(() => shop.order(refundedId), (stored) => stored.refunds.some((refund) => refund.status === 'failed'));

    // A payment event whose amount is not the order's: refused (422) and kept.
    const mismatched = await pendingOrder(10);
    const refused = await deliver('checkout.session.completed', mismatched.session, { status: 'complete', payment_status: 'paid', amount_total: 1 });
    expect(refused.status).toBe(422);

    // A checkout nobody paid, its session over (the shop's clock an hour on; no sweep runs here).
    const stuck = await pendingOrder(10);
    shop.clock.offsetMs = 60 * 60_000;
    try {
      const answer = await asOperator('GET', '/api/operator/attention');
      expect(answer.status).toBe(200);
      const find = (kind: string, orderId: string) => answer.body.items.find((item: any) => item.kind === kind && item.orderId === orderId);
      expect(find('order_needs_attention', late.orderId)).toMatchObject({ reason: 'stock_gone', action: 'restock_or_refund' });
      expect(find('refund_failed', refundedId)).toMatchObject({ action: 'retry_refund', refundId: expect.stringMatching(/^RFD-/) });
      expect(find('webhook_refused', mismatched.orderId)).toMatchObject({ action: 'compare_event_with_order', eventType: 'checkout.session.completed', mismatch: expect.stringContaining('amount') });
      expect(find('payment_stuck', stuck.orderId)).toMatchObject({ action: 'check_payment_at_provider' });
      // Newest first.
      const since = answer.body.items.map((item: any) => item.since);
      expect(since).toEqual([...since].sort().reverse());
    } finally {
      shop.clock.offsetMs = 0;
    }
    // Refunding the order that waited for an operator resolves it: it leaves the list.
    expect((await asOperator('POST', `/api/operator/orders/${late.orderId}/refund`, { reason: 'no stock left to send' })).status).toBe(200);
    const after = (await asOperator('GET', '/api/operator/attention')).body.items;
    expect(after.some((item: any) => item.kind === 'order_needs_attention' && item.orderId === late.orderId)).toBe(false);
    const { Items: entries } = await shop.table.doc.send(new QueryCommand({ TableName: shop.table.tableName, ...keyCondition(queries.attentionOrders()) }));
    expect((entries ?? []).map((item) => item.orderId)).not.toContain(late.orderId);
    // The refused event is in its order's history too.
    const history = (await asOperator('GET', `/api/operator/orders/${mismatched.orderId}`)).body.history;
    expect(history.map((entry: any) => entry.kind)).toContain('webhook_refused');
  });
});

describe('pavilions', () => {
  it('invites a manager, recording the operator and the email masked; the same email twice is a 409', async () => {
    const invited = await asOperator('POST', '/api/operator/pavilions/RU/managers', { email: 'Olga.Petrova@example.com' });
    expect(invited.status).toBe(201);
    expect(invited.body.action).toMatchObject({ pavilion: 'RU', operator: 'demo-operator', action: 'invite_manager', invitee: 'O***@example.com' });
    const again = await asOperator('POST', '/api/operator/pavilions/RU/managers', { email: 'olga.petrova@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('manager_exists');
    const ru = (await asOperator('GET', '/api/operator/pavilions')).body.items.find((pavilion: any) => pavilion.code === 'RU');
    expect(ru.actions).toEqual([expect.objectContaining({ action: 'invite_manager', invitee: 'O***@example.com' })]);
  });

  it('suspends a pavilion: its managers get 403 and its products cannot be checked out, until it is reinstated', async () => {
    const product = aProduct({ pavilion: 'KG', stock: 5 });
    await shop.deps.catalogue.putProducts([product]);
    const cartId = await shop.newCart({ [product.id]: 1 });
    expect((await shop.call('GET', '/api/pavilion/me', undefined, bearer(tokens.KG))).status).toBe(200);

    const suspended = await asOperator('POST', '/api/operator/pavilions/KG/suspension', { reason: 'customs licence lapsed' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.action).toMatchObject({ action: 'suspend', reason: 'customs licence lapsed', operator: 'demo-operator' });
    expect((await asOperator('POST', '/api/operator/pavilions/KG/suspension', { reason: 'twice' })).status).toBe(409);

    for (const path of ['/api/pavilion/me', '/api/pavilion/listings', '/api/pavilion/orders']) {
      const refused = await shop.call('GET', path, undefined, bearer(tokens.KG));
      expect(refused.status, path).toBe(403);
      expect(refused.body.reason).toBe('pavilion_suspended');
    }
    expect((await shop.call('GET', '/api/pavilion/me', undefined, bearer(tokens.RU))).status).toBe(200);
    const units = await shop.units(product.id);
    const checkout = await shop.checkout(cartId);
    expect(checkout.status).toBe(409);
    expect(checkout.body.lines).toEqual([expect.objectContaining({ productId: product.id, reason: 'unavailable' })]);
    expect(await shop.units(product.id)).toEqual(units);

    const listed = (await asOperator('GET', '/api/operator/pavilions')).body.items.find((pavilion: any) => pavilion.code === 'KG');
    expect(listed).toMatchObject({ status: 'suspended', suspension: { reason: 'customs licence lapsed', by: 'demo-operator' } });

    expect((await asOperator('POST', '/api/operator/pavilions/KG/reinstatement', { reason: 'licence renewed' })).status).toBe(200);
    expect((await asOperator('POST', '/api/operator/pavilions/KG/reinstatement', { reason: 'twice over' })).body.reason).toBe('not_suspended');
    expect((await shop.call('GET', '/api/pavilion/me', undefined, bearer(tokens.KG))).status).toBe(200);
    expect((await shop.checkout(cartId)).status).toBe(201);
    const after = (await asOperator('GET', '/api/operator/pavilions')).body.items.find((pavilion: any) => pavilion.code === 'KG');
    expect(after.status).toBe('active');
    expect(after.actions.map((action: any) => action.action)).toEqual(['suspend', 'reinstate']);
  });
});
