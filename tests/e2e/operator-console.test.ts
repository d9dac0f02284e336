import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../infra/constructs/site-csp.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { postSignIn } from '../support/code-flow.js';
import { useStoreAndBrowser } from '../support/local-stack.js';
import { checkoutDetails, eventually, newResidentId } from '../support/shop.js';
import { RecordingTelemetry } from '../support/telemetry.js';

const env = useStoreAndBrowser();

async function json(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(`${env.stack.url}${path}`, { ...init, headers });
  return { status: response.status, body: (await response.json()) as any };
}

/** A Qingdao shopper's order of Kyrgyz goods, placed through the API and, when asked, paid on the local Stripe. */
async function placeOrder(options: { pay: boolean }): Promise<{ orderId: string; idNumber: string; hsCode: string }> {
  const idNumber = newResidentId();
  const { body: products } = await json('/api/products?pavilion=KG&limit=1');
  const product = products.items[0];
  const { body: cart } = await json('/api/carts', { method: 'POST', body: '{}' });
  expect((await json(`/api/carts/${cart.id}/lines/${product.id}`, { method: 'PUT', body: JSON.stringify({ quantity: 2 }) })).status).toBe(200);
  const checkout = await json('/api/checkout', {
    method: 'POST',
    body: JSON.stringify({ cartId: cart.id, currency: 'CNY', language: 'zh', ...checkoutDetails({ idNumber }) }),
  });
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
  const { orderId, orderToken, checkoutUrl } = checkout.body;
  if (options.pay) {
    await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'alipay' }), redirect: 'manual' });
    await eventually(
      async () => (await json(`/api/orders/${orderId}`, { headers: { 'x-order-token': orderToken } })).body,
      (order) => order.status === 'paid',
    );
  }
  return { orderId, idNumber, hsCode: product.hsCode };
}

/** What the browser refused under the site's Content-Security-Policy, per page. */
const refusals = new WeakMap<Page, string[]>();

/**
 * A new tab (its own sessionStorage) on the console, sent to the local sign-in page by its Sign in
 * link. The console is served with the CSP CloudFront gives the site (infra/constructs/site-csp.ts;
 * the built site has no inline script, so no hashes), which the local server does not send.
 */
async function openSignIn(): Promise<Page> {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  await context.route(`${env.stack.url}/operator/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy() } });
  });
  const page = await context.newPage();
  const refused: string[] = [];
  refusals.set(page, refused);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(`${env.stack.url}/operator/`);
  await page.locator('body[data-state="signed-out"]').waitFor();
  await page.locator('[data-signin-link]').click();
  // The same flow as the workspace's (a code, with this tab's state, nonce and PKCE challenge), asking to come back to the console.
  await page.waitForURL(/\/auth\/sign-in\?redirect_uri=%2Foperator%2F&response_type=code&state=[\w-]+&nonce=[\w-]+&code_challenge=[\w-]{43}&code_challenge_method=S256$/);
  return page;
}

async function signInAsOperator(): Promise<Page> {
  const page = await openSignIn();
  await page.locator('form:has(input[name="role"][value="operator"]) button').click();
  await page.locator('body[data-state="ready"]').waitFor();
  // The code came back in the query, was exchanged (a same-origin POST the CSP allows) and has left the address bar.
  expect(page.url()).toBe(`${env.stack.url}/operator/`);
  return page;
}

async function lookUp(page: Page, orderId: string): Promise<void> {
  await page.locator('[data-order-id]').fill(orderId);
  await page.locator('[data-lookup] button[type="submit"]').click();
}

const resultMessage = async (page: Page) => {
  const message = page.locator('[data-result-message]');
  await expect.poll(() => message.textContent()).not.toMatch(/^(Loading…)?$/);
  return message.textContent();
};

it('lets the operator sign in with the Demo operator button, read a paid order’s customs document with the buyer’s full ID, and save it as CSV', async () => {
  const order = await placeOrder({ pay: true });
  const page = await signInAsOperator();

  // Typed as people type it: lower case is fine.
  await lookUp(page, order.orderId.toLowerCase());
  const document = page.locator('[data-testid="customs-document"]');
  await document.waitFor();
  expect(await document.locator('h2').textContent()).toContain(`Order ${order.orderId}`);
  // The heading takes the focus, so a screen reader announces what was found.
  expect(await page.evaluate(() => window.document.activeElement?.id)).toBe('op-doc-title');
  expect(await document.locator('[data-testid="buyer-id"]').textContent()).toBe(order.idNumber);
  expect(await document.locator('[data-testid="hs-code"]').allTextContents()).toEqual([order.hsCode]);
  const text = await document.textContent();
  for (const expected of ['王芳', '13800138000', '山东省青岛市市南区', '266071', 'Dutiable value', 'pi_']) expect(text).toContain(expected);
  await expectNoSeriousA11yViolations(page, 'the console with a customs document');

  const [download] = await Promise.all([page.waitForEvent('download'), document.locator('[data-download]').click()]);
  expect(download.suggestedFilename()).toBe(`customs-${order.orderId}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toContain('buyer_id_number');
  expect(row).toContain(order.idNumber);
  expect(row).toContain(order.hsCode);

  // The document is drawn again in another language, from memory.
  await page.locator('[data-op-lang]').selectOption('zh');
  expect(await document.locator('h2').textContent()).toContain(`订单 ${order.orderId}`);
  expect(await page.locator('[data-testid="customs-document"] [data-testid="buyer-id"]').textContent()).toBe(order.idNumber);
  await page.locator('[data-op-lang]').selectOption('en');

  // Nothing of it is kept in the browser's storage, nor put in the address bar.
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(stored).not.toContain(order.idNumber);
  expect(stored).not.toContain(order.orderId);
  expect(page.url()).toBe(`${env.stack.url}/operator/`);

  // What has no document says why, and no document stays on screen.
  const unpaid = await placeOrder({ pay: false });
  await lookUp(page, unpaid.orderId);
  expect(await resultMessage(page)).toBe(
    `Order ${unpaid.orderId} is not paid (awaiting payment): only paid orders cross the border, so only they have a customs document.`,
  );
  expect(await page.locator('[data-testid="customs-document"]').count()).toBe(0);
  await lookUp(page, 'ORD-0000000000000000');
  expect(await resultMessage(page)).toBe('There is no order ORD-0000000000000000.');
  await lookUp(page, 'ORD-123');
  expect(await resultMessage(page)).toBe('An order number is ORD- followed by 16 letters and digits.');
  expect(await page.locator('[data-order-id]').getAttribute('aria-invalid')).toBe('true');
  // The message is the input's description, read out with it.
  expect(await page.locator('[data-order-id]').getAttribute('aria-describedby')).toBe('op-order-hint op-result-message');
  await expectNoSeriousA11yViolations(page, 'the console with a refused order number');
  // All of it under the production CSP: the script from our origin, the API calls, the Blob download.
  expect(refusals.get(page)).toEqual([]);
}, 120_000);

it('tells a pavilion manager who signs in on the console that the account is not an operator', async () => {
  const page = await openSignIn();
  await page.locator('form:has(input[name="pavilion"][value="KG"]) button').click();
  const message = page.locator('[data-signin-message]');
  await expect.poll(() => message.isVisible()).toBe(true);
  expect(await message.textContent()).toBe('This account is not an operator. Sign in with an operator’s account, or ask to be added to the operators group.');
  expect(await page.locator('[data-console]').isHidden()).toBe(true);
  expect(page.url()).toBe(`${env.stack.url}/operator/`);
  expect(await page.evaluate(() => sessionStorage.getItem('sco-operator-token'))).toBeNull();
}, 60_000);

it('does not take a planted sign-in link, and signs the operator out back to the sign-in panel', async () => {
  const planted = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
  // The attacker's own operator sign-in, its answer kept instead of followed.
  const attackers = await postSignIn(`${env.stack.url}/auth`, { role: 'operator', state: 'attackers-state', redirect_uri: '/operator/' });
  await planted.goto(`${env.stack.url}${attackers.location}`);
  await planted.locator('body[data-state="signed-out"]').waitFor();
  expect(await planted.locator('[data-signin-message]').textContent()).toBe('Sign-in link not accepted, please sign in again.');
  expect(planted.url()).toBe(`${env.stack.url}/operator/`);

  const page = await signInAsOperator();
  await page.locator('[data-sign-out]').click();
  await page.locator('body[data-state="signed-out"]').waitFor();
  expect(page.url()).toBe(`${env.stack.url}/operator/`);
  expect(await page.evaluate(() => sessionStorage.getItem('sco-operator-token'))).toBeNull();
  await expectNoSeriousA11yViolations(page, 'the console signed out');
}, 60_000);

/** An order by a shopper of their own email, paid on the local Stripe when asked. */
async function placeOrderOf(email: string, options: { pay: boolean; pavilion?: string; quantity?: number }) {
  const { body: products } = await json(`/api/products?pavilion=${options.pavilion ?? 'KG'}&limit=1`);
  const product = products.items[0];
  const { body: cart } = await json('/api/carts', { method: 'POST', body: '{}' });
  const line = await json(`/api/carts/${cart.id}/lines/${product.id}`, { method: 'PUT', body: JSON.stringify({ quantity: options.quantity ?? 1 }) });
  expect(line.status, JSON.stringify(line.body)).toBe(200);
  const checkout = await json('/api/checkout', { method: 'POST', body: JSON.stringify({ cartId: cart.id, currency: 'CNY', language: 'en', ...checkoutDetails({ email }) }) });
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
  const { orderId, orderToken, checkoutUrl } = checkout.body;
  if (options.pay) {
    await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'alipay' }), redirect: 'manual' });
    await eventually(async () => (await json(`/api/orders/${orderId}`, { headers: { 'x-order-token': orderToken } })).body, (order) => order.status === 'paid');
  }
  return { orderId: orderId as string, productId: product.id as string };
}

/**
 * An order paid after its reservation was released and its stock sold meanwhile: the order store's
 * own late-payment path (what Stripe's late event does through the webhook), on the running store's table.
 */
async function paidNeedingAttention(): Promise<string> {
  const { DynamoOrderStore } = await import('../../functions/adapters/dynamodb/order-store.js');
  const { createDynamoClients } = await import('../../functions/adapters/dynamodb/client.js');
  const { keys } = await import('../../functions/adapters/dynamodb/keys.js');
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { doc } = createDynamoClients({ endpoint: env.stack.dynamoEndpoint, region: 'local' });
  const orders = new DynamoOrderStore(doc, env.stack.tableName, new RecordingTelemetry());
  const { orderId, productId } = await placeOrderOf(`late.${Date.now()}@example.com`, { pay: false, pavilion: 'RU' });
  const now = () => new Date().toISOString();
  await orders.apply((await orders.get(orderId))!.order, { kind: 'release', status: 'expired' }, { now: now() });
  // Everything left was sold to others meanwhile.
  await doc.send(new UpdateCommand({ TableName: env.stack.tableName, Key: keys.product(productId), UpdateExpression: 'SET sold = sold + stock, stock = :zero', ExpressionAttributeValues: { ':zero': 0 } }));
  expect(await orders.apply((await orders.get(orderId))!.order, { kind: 'resell' }, { now: now(), paymentId: 'pi_late_console' })).toBe('paid_needs_attention');
  return orderId;
}

it('shows a paid order that needs attention, finds an order by email, refunds a line with a reason and shows it in the history', async () => {
  const attentionId = await paidNeedingAttention();
  const email = `console.${Date.now()}@example.com`;
  const { orderId } = await placeOrderOf(email, { pay: true, quantity: 2 });
  const page = await signInAsOperator();

  const item = page.locator(`[data-testid="attention-list"] li[data-kind="order_needs_attention"][data-order="${attentionId}"]`);
  await item.waitFor();
  expect(await item.textContent()).toContain('restock the goods with the pavilion, or refund the order');

  await page.locator('[data-find-query]').fill(email.toUpperCase());
  await page.locator('[data-find] button[type="submit"]').click();
  await page.locator(`[data-open-order="${orderId}"]`).click();
  const file = page.locator('[data-testid="order-file"]');
  await file.waitFor();
  expect(await file.locator('h2').textContent()).toContain(`Order ${orderId}`);
  expect(await file.textContent()).toContain(email);
  expect(await page.evaluate(() => window.document.activeElement?.id)).toBe('op-file-title');

  await file.locator('[data-refund-line="1"]').click();
  await page.locator('[data-refund-reason]').fill('Customer called: the jar arrived cracked');
  await page.locator('[data-refund-submit]').click();
  const action = page.locator('[data-testid="order-history"] li[data-kind="operator_action"]');
  await action.waitFor();
  expect(await action.textContent()).toContain('Customer called: the jar arrived cracked');
  expect(await action.textContent()).toContain('demo-operator');
  expect(await page.locator('[data-testid="order-history"] li[data-kind="refund_requested"]').count()).toBe(1);
  await expectNoSeriousA11yViolations(page, 'the console with an order’s history');
  expect(refusals.get(page)).toEqual([]);
}, 120_000);

it('invites a manager who can then sign in locally, and suspends a pavilion until it is reinstated', async () => {
  const page = await signInAsOperator();
  const email = `new.manager.${Date.now()}@example.com`;
  const tj = page.locator('[data-testid="pavilion-list"] li[data-pavilion="TJ"]');
  await tj.waitFor();
  await tj.locator('[data-invite-email]').fill(email);
  await tj.locator('[data-invite] button[type="submit"]').click();
  await expect.poll(() => page.locator('[data-testid="pavilion-list"] li[data-pavilion="TJ"] details').textContent()).toContain('invited n***@example.com');

  // The invited manager signs in on the local sign-in page, into their pavilion's workspace.
  const manager = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
  await manager.goto(`${env.stack.url}/pavilion/`);
  await manager.locator('body[data-state="signed-out"]').waitFor();
  await manager.locator('[data-signin-link]').click();
  await manager.waitForURL(/\/auth\/sign-in\?response_type=code&state=[\w-]+&nonce=[\w-]+&code_challenge=[\w-]{43}&code_challenge_method=S256$/);
  await manager.locator(`form:has(button:has-text("${email}")) button`).click();
  await manager.locator('body[data-state="ready"]').waitFor();
  expect(await manager.locator('[data-pavilion]').textContent()).toContain('Tajikistan');

  // Suspended: the badge says so, its managers are refused and its products cannot be bought.
  const uz = page.locator('[data-testid="pavilion-list"] li[data-pavilion="UZ"]');
  await uz.locator('[data-suspend-reason]').fill('Export licence lapsed');
  await uz.locator('[data-standing-submit]').click();
  await expect.poll(() => page.locator('[data-testid="pavilion-list"] li[data-pavilion="UZ"]').getAttribute('data-status')).toBe('suspended');
  expect(await page.locator('li[data-pavilion="UZ"] [data-testid="pavilion-status"]').textContent()).toBe('Suspended');
  const refused = await fetch(`${env.stack.url}/api/pavilion/me`, { headers: { authorization: `Bearer ${await env.stack.signToken('UZ')}` } });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { reason: string }).reason).toBe('pavilion_suspended');
  await expectNoSeriousA11yViolations(page, 'the console’s pavilions');

  await page.locator('li[data-pavilion="UZ"] [data-suspend-reason]').fill('Licence renewed');
  await page.locator('li[data-pavilion="UZ"] [data-standing-submit]').click();
  await expect.poll(() => page.locator('[data-testid="pavilion-list"] li[data-pavilion="UZ"]').getAttribute('data-status')).toBe('active');
  expect((await fetch(`${env.stack.url}/api/pavilion/me`, { headers: { authorization: `Bearer ${await env.stack.signToken('UZ')}` } })).status).toBe(200);
  expect(refusals.get(page)).toEqual([]);
}, 120_000);

it('reads at 390 px without scrolling sideways', async () => {
  const page = await signInAsOperator();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('[data-testid="pavilion-list"]').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 60_000);
