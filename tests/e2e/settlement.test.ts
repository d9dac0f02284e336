import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { chinaMonthOf, monthDays } from '../../functions/domain/settlement.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { useStoreAndBrowser } from '../support/local-stack.js';
import { checkoutDetails, eventually, newResidentId } from '../support/shop.js';

/**
 * The same statement three ways: the API's JSON, its CSV, and the page (the workspace's Statements
 * and the operators' page) in Chromium, to the minor unit. And the operator's payout from the page,
 * refused over the balance.
 */
const env = useStoreAndBrowser();
const month = monthDays(chinaMonthOf(new Date().toISOString()));

async function json(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(`${env.stack.url}${path}`, { ...init, headers });
  return { status: response.status, body: (await response.json()) as any };
}

/** A Kyrgyz order placed through the API and paid on the local Stripe. */
async function paidKyrgyzOrder(): Promise<string> {
  const { body: products } = await json('/api/products?pavilion=KG&limit=1');
  const { body: cart } = await json('/api/carts', { method: 'POST', body: '{}' });
  expect((await json(`/api/carts/${cart.id}/lines/${products.items[0].id}`, { method: 'PUT', body: JSON.stringify({ quantity: 3 }) })).status).toBe(200);
  const checkout = await json('/api/checkout', { method: 'POST', body: JSON.stringify({ cartId: cart.id, currency: 'CNY', language: 'ru', ...checkoutDetails({ idNumber: newResidentId() }) }) });
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
  const { orderId, orderToken, checkoutUrl } = checkout.body;
  await fetch(`${checkoutUrl}/pay`, { method: 'POST', body: new URLSearchParams({ payment_method: 'alipay' }), redirect: 'manual' });
  await eventually(async () => (await json(`/api/orders/${orderId}`, { headers: { 'x-order-token': orderToken } })).body, (order) => order.status === 'paid');
  return orderId;
}

/** A tab whose session already holds a token (the sign-in itself is tried in the workspace and console tests). */
async function tabWithToken(browser: Browser, key: string, token: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport, acceptDownloads: true });
  await context.addInitScript(([k, t]) => sessionStorage.setItem(k!, t!), [key, token]);
  return context.newPage();
}

async function figuresOnPage(page: Page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-figure]')].map((cell) => [cell.dataset.figure, Number(cell.dataset.amount)])));
}

it('shows the manager the same figures and entries as the JSON and the CSV, at 390 px too', async () => {
  const orderId = await paidKyrgyzOrder();
  const operator = await env.stack.signOperatorToken();
  const adjusted = await json('/api/operator/pavilions/KG/adjustments', { method: 'POST', headers: { authorization: `Bearer ${operator}` }, body: JSON.stringify({ amount: { amount: -1_234, currency: 'KGS' }, reason: 'sample jar kept for customs' }) });
  expect(adjusted.status).toBe(201);
  const manager = await env.stack.signToken('KG');
  const answer = await json(`/api/pavilion/statements?from=${month.from}&to=${month.to}`, { headers: { authorization: `Bearer ${manager}` } });
  expect(answer.status).toBe(200);
  const statement = answer.body;
  expect(statement.entries.some((entry: { orderId?: string; kind: string }) => entry.orderId === orderId && entry.kind === 'sale')).toBe(true);

  const page = await tabWithToken(env.browser, 'sco-pavilion-token', manager);
  await page.goto(`${env.stack.url}/pavilion/statements/`);
  await page.locator('body[data-statement="ready"]').waitFor();
  expect(await page.locator('[data-statement-month]').inputValue()).toBe(month.from.slice(0, 7));
  const figures = await figuresOnPage(page);
  for (const figure of ['opening', 'sales', 'refunds', 'commission', 'payouts', 'adjustments', 'closing']) expect(figures[figure], figure).toBe(statement[figure].amount);
  const rows = await page.locator('[data-testid="statement-entries"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({ entry: (tr as HTMLElement).dataset.entry, amount: Number((tr.querySelector('[data-amount]') as HTMLElement).dataset.amount) })));
  expect(rows).toEqual(statement.entries.map((entry: { entryId: string; amount: { amount: number } }) => ({ entry: entry.entryId, amount: entry.amount.amount })));
  expect(await page.locator('[data-figure="closing"]').textContent()).toMatch(/KGS|сом|с/);

  // The CSV the page downloads carries the same amounts, in the page's language.
  await page.locator('[data-ws-lang]').selectOption('ru');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-statement-csv]').click()]);
  const csv = (await (await download.createReadStream()).toArray()).map(String).join('').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^Время \(UTC\),Вид/);
  const amounts = lines.slice(1).map((line) => Math.round(Number(line.split(',')[4]) * 100));
  expect(amounts).toEqual(statement.entries.map((entry: { amount: { amount: number } }) => entry.amount.amount));
  expect(await page.locator('[data-i18n="statements.closing"]').textContent()).toBe('Остаток на конец');

  const narrow = await tabWithToken(env.browser, 'sco-pavilion-token', manager, { width: 390, height: 844 });
  await narrow.goto(`${env.stack.url}/pavilion/statements/`);
  await narrow.locator('body[data-statement="ready"]').waitFor();
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(narrow, 'the workspace’s Statements page at 390 px');
}, 120_000);

it('shows operators every balance and a pavilion’s statement, and records a payout from the page, never more than the balance', async () => {
  const operator = await env.stack.signOperatorToken();
  const { body: balances } = await json('/api/operator/balances', { headers: { authorization: `Bearer ${operator}` } });
  const kg = balances.items.find((item: { pavilion: string }) => item.pavilion === 'KG');
  expect(kg.balance.amount).toBeGreaterThan(0);

  const page = await tabWithToken(env.browser, 'sco-operator-token', operator);
  await page.goto(`${env.stack.url}/operator/statements/`);
  await page.locator('[data-testid="balances"] tbody tr[data-pavilion="KG"]').waitFor();
  expect(Number(await page.locator('tr[data-pavilion="KG"] [data-amount]').getAttribute('data-amount'))).toBe(kg.balance.amount);
  await page.locator('tr[data-pavilion="KG"] button').click();
  await page.locator('body[data-statement="ready"]').waitFor();
  const { body: statement } = await json(`/api/operator/statements?pavilion=KG&from=${month.from}&to=${month.to}`, { headers: { authorization: `Bearer ${operator}` } });
  expect((await figuresOnPage(page)).closing).toBe(statement.closing.amount);

  const whole = (kg.balance.amount / 100).toFixed(2);
  const over = ((kg.balance.amount + 1) / 100).toFixed(2);
  await page.locator('[data-payout-amount]').fill(over);
  await page.locator('[data-payout-date]').fill(month.from);
  await page.locator('[data-payout-reference]').fill('KICB-2026-0001');
  await page.locator('[data-payout] button[type="submit"]').click();
  await expect.poll(() => page.locator('[data-payout-error]').textContent()).toMatch(/more than the balance/);

  await page.locator('[data-payout-amount]').fill(whole);
  await page.locator('[data-payout] button[type="submit"]').click();
  await expect.poll(async () => Number(await page.locator('tr[data-pavilion="KG"] [data-amount]').getAttribute('data-amount'))).toBe(0);
  await expect.poll(async () => (await figuresOnPage(page)).payouts).toBe(statement.payouts.amount + kg.balance.amount);
  await expectNoSeriousA11yViolations(page, 'the operators’ statements page');

  const narrow = await tabWithToken(env.browser, 'sco-operator-token', operator, { width: 390, height: 844 });
  await narrow.goto(`${env.stack.url}/operator/statements/`);
  await narrow.locator('tr[data-pavilion="KG"] button').click();
  await narrow.locator('body[data-statement="ready"]').waitFor();
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 120_000);
