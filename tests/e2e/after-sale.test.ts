import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../functions/domain/resident-id.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { useStoreAndBrowser } from '../support/local-stack.js';

/**
 * After the sale, in Chromium: the shopper cancels a paid order and sees it refunded (and mailed); the Kyrgyz
 * manager refunds one line of a two-line order; a shopper returns a shipped line and the manager
 * accepts it and marks it received. Payments and refunds go through the local Stripe-compatible
 * server and its signed webhooks, as in the checkout tests.
 */
const env = useStoreAndBrowser();

const HONEY = 'kg-hny-001';
const SAINFOIN_HONEY = 'kg-hny-002';

/** A valid resident ID number of its own for each buyer, so no test spends another's yearly allowance. */
function buyerId(n: number): string {
  const first17 = `11010519900101${String(100 + n)}`;
  return first17 + residentIdCheckCharacter(first17);
}

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${env.stack.url}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function liveStock(productId: string): Promise<number> {
  return (await api<{ stock: number }>('GET', `/api/products/${productId}`)).body.stock;
}

/**
 * A shopper's paid order: the cart and checkout through the shop API (the cart page's own calls, covered by
 * checkout.test.ts), then the local Stripe page paid in the browser, which lands on the order page.
 */
async function payOrder(lang: 'zh' | 'ru' | 'en', lines: ReadonlyArray<readonly [string, number]>, buyer: number): Promise<{ page: Page; orderId: string }> {
  const cart = await api<{ id: string }>('POST', '/api/carts', {});
  for (const [productId, quantity] of lines) {
    expect((await api('PUT', `/api/carts/${cart.body.id}/lines/${productId}?currency=CNY`, { quantity })).status).toBe(200);
  }
  const checkout = await api<{ checkoutUrl: string; orderId: string }>('POST', '/api/checkout', {
    cartId: cart.body.id,
    email: `buyer${buyer}@example.com`,
    currency: 'CNY',
    language: lang,
    recipient: { name: '王芳', phone: '13800138000', province: '370000', city: '370200', district: '370202', address: '香港中路 8 号 3 单元 1201 室', postcode: '266071' },
    buyer: { name: '王芳', idNumber: buyerId(buyer) },
    noticeAccepted: true,
  });
  expect(checkout.status).toBe(201);
  const page = await (await env.browser.newContext({ locale: { zh: 'zh-CN', ru: 'ru-RU', en: 'en-GB' }[lang] })).newPage();
  await page.goto(checkout.body.checkoutUrl);
  await page.locator('[data-testid="pay"]').click();
  await page.waitForURL((url) => url.pathname === `/${lang}/order/`);
  await expect.poll(() => orderStatus(page), { timeout: 20_000 }).toBe('paid');
  return { page, orderId: checkout.body.orderId };
}

const orderStatus = (page: Page) => page.locator('[data-testid="order-status"]').getAttribute('data-status');
const orderLine = (page: Page, lineNo: number) => page.locator(`[data-testid="order-line"][data-line-no="${lineNo}"]`);

async function managerToken(): Promise<string> {
  return env.stack.signToken('KG');
}

async function shipLine(orderId: string, lineNo: number): Promise<void> {
  const shipped = await api('POST', `/api/pavilion/orders/${orderId}/lines/${lineNo}/shipment`, { carrier: 'Kyrgyz Express Post', trackingNumber: 'KG123456789' }, {
    authorization: `Bearer ${await managerToken()}`,
  });
  expect(shipped.status).toBe(200);
}

/** The Kyrgyz manager on the orders page, signed in through the local token issuer's page. */
async function kyrgyzManagerOnOrders(): Promise<Page> {
  const page = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(`${env.stack.url}/pavilion/`);
  // Only once the link carries this tab's state, nonce and PKCE challenge (the bare link is refused).
  await page.locator('body[data-state="signed-out"]').waitFor();
  await page.locator('[data-signin-link]').click();
  await page.locator('form:has(input[name="pavilion"][value="KG"]) button').click();
  await page.locator('body[data-state="ready"]').waitFor();
  await page.locator('[data-nav][href="/pavilion/orders/"]').click();
  await page.locator('body[data-state="ready"]').waitFor();
  return page;
}

it('lets a shopper cancel a paid order before anything ships, confirm it, and see it refunded in full with the stock back', async () => {
  const stockBefore = await liveStock(HONEY);
  const { page, orderId } = await payOrder('zh', [[HONEY, 2]], 1);
  expect(await liveStock(HONEY)).toBe(stockBefore - 2);
  const total = Number(await page.locator('[data-testid="order-total"]').getAttribute('data-amount'));

  const cancel = page.locator('[data-testid="order-cancel"]');
  await cancel.waitFor();
  expect(await cancel.textContent()).toContain('取消订单');
  await expectNoSeriousA11yViolations(page, 'the paid order with its cancel offer');

  // The first press only asks; keeping the order changes nothing.
  await page.locator('[data-testid="cancel-order"]').click();
  expect(await page.locator('[data-testid="cancel-order-confirm"]').isVisible()).toBe(true);
  await expectNoSeriousA11yViolations(page, 'the cancel confirmation');
  await page.locator('[data-cancel-no]').click();
  expect(await page.locator('[data-testid="cancel-order-confirm"]').isVisible()).toBe(false);
  expect(await orderStatus(page)).toBe('paid');

  await page.locator('[data-testid="cancel-order"]').click();
  const cancelled = page.waitForResponse((response) => response.url().endsWith(`/api/orders/${orderId}/cancel`));
  await page.locator('[data-testid="cancel-order-confirm"]').click();
  expect((await cancelled).status()).toBe(200);
  await expect.poll(() => orderStatus(page)).toBe('cancelled');
  expect(await page.locator('[data-testid="after-sale-message"]').textContent()).toBe('订单已取消，退款正在处理。');
  expect(await cancel.isHidden()).toBe(true);
  expect(await orderLine(page, 1).getAttribute('data-fulfilment')).toBe('cancelled');
  expect(await orderLine(page, 1).locator('[data-testid="line-fulfilment"]').textContent()).toBe('不再发货');

  // The page follows the refund until Stripe's event confirms it.
  const refund = page.locator('[data-testid="order-refund"]');
  await expect.poll(() => refund.getAttribute('data-status'), { timeout: 20_000 }).toBe('succeeded');
  expect(await refund.count()).toBe(1);
  expect(await refund.locator('[data-testid="refund-status"]').textContent()).toBe('已退款');
  expect(await refund.textContent()).toContain('订单取消');
  expect(Number(await page.locator('[data-testid="order-refunded"]').getAttribute('data-amount'))).toBe(total);
  expect(await page.locator('[data-status-title]').textContent()).toBe('订单已取消');
  await expectNoSeriousA11yViolations(page, 'the cancelled and refunded order');
  // The units are on sale again once the refund succeeded.
  await expect.poll(() => liveStock(HONEY)).toBe(stockBefore);
  // The shopper is told by mail, in the order's language, kept by the local outbox (infra/local/outbox/).
  const cancellationMail = async () =>
    (await api<{ items: Array<{ to: string; subject: string; text: string; html: string; orderId: string | null }> }>('GET', '/api/outbox')).body.items.filter(
      (mail) => mail.orderId === orderId && mail.subject.includes('已取消'),
    );
  await expect.poll(async () => (await cancellationMail()).length, { timeout: 20_000 }).toBe(1);
  const [mail] = await cancellationMail();
  expect(mail!.to).toBe('buyer1@example.com');
  expect(mail!.subject).toBe(`订单 ${orderId} 已取消并退款`);
  expect(mail!.text).not.toContain(buyerId(1));
  expect(mail!.html).not.toContain(buyerId(1));

  // A second cancel from another tab answers the same cancelled order.
  await page.reload();
  await expect.poll(() => orderStatus(page)).toBe('cancelled');
  expect(await page.locator('[data-testid="order-cancel"]').isHidden()).toBe(true);
  await page.context().close();
});

it('lets the Kyrgyz manager refund one line of a two-line order, and the shopper sees that line refunded and the other still to ship', async () => {
  const { page, orderId } = await payOrder('ru', [[HONEY, 1], [SAINFOIN_HONEY, 1]], 2);
  expect(await page.locator('[data-testid="order-line"]').count()).toBe(2);

  const manager = await kyrgyzManagerOnOrders();
  const refunded = manager.locator(`[data-testid="orders"] tr[data-line="${orderId}/1"]`);
  const other = manager.locator(`[data-testid="orders"] tr[data-line="${orderId}/2"]`);
  await refunded.waitFor();
  await refunded.locator('[data-action="refund"]').click();
  const form = refunded.locator('form[data-form="refund"]');
  expect(await form.isVisible()).toBe(true);
  await form.locator('select[name="reason"]').selectOption('out_of_stock');
  await form.locator('input[name="note"]').fill('Last jar broke in the store');
  await expectNoSeriousA11yViolations(manager, 'the orders page with a refund form open');
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => refunded.getAttribute('data-fulfilment')).toBe('cancelled');
  expect(await refunded.locator('[data-refund]').getAttribute('data-refund')).toMatch(/^(requested|succeeded)$/);
  // A cancelled line offers nothing to ship it with, nor another refund.
  expect(await refunded.locator('form.ws-ship').count()).toBe(0);
  expect(await refunded.locator('[data-action="refund"]').count()).toBe(0);
  expect(await other.getAttribute('data-fulfilment')).toBe('to_ship');
  expect(await other.locator('form.ws-ship').count()).toBe(1);
  // The API refuses to ship it all the same.
  const ship = await api<{ reason?: string }>('POST', `/api/pavilion/orders/${orderId}/lines/1/shipment`, { carrier: 'CDEK', trackingNumber: 'CD12345678' }, {
    authorization: `Bearer ${await managerToken()}`,
  });
  expect(ship.status).toBe(409);

  await page.reload();
  await expect.poll(() => orderStatus(page), { timeout: 20_000 }).toBe('partially_refunded');
  expect(await orderLine(page, 1).getAttribute('data-fulfilment')).toBe('cancelled');
  await expect.poll(() => orderLine(page, 1).locator('[data-testid="line-refund"]').getAttribute('data-status'), { timeout: 20_000 }).toBe('succeeded');
  expect(await orderLine(page, 1).locator('[data-testid="line-refund"]').textContent()).toMatch(/^Возвращено /);
  expect(await orderLine(page, 2).getAttribute('data-fulfilment')).toBe('to_ship');
  expect(await orderLine(page, 2).locator('[data-testid="line-refund"]').isHidden()).toBe(true);
  expect(await page.locator('[data-testid="order-refund"]').textContent()).toContain('Возврат от павильона');
  expect(await page.locator('[data-status-title]').textContent()).toBe('Оплачено — часть возвращена');

  // In the manager's table once the refund is confirmed.
  await manager.reload();
  await manager.locator('body[data-state="ready"]').waitFor();
  await manager.locator('[data-tab=""]').click();
  await expect.poll(() => refunded.locator('[data-refund]').getAttribute('data-refund')).toBe('succeeded');
  await manager.context().close();
  await page.context().close();
});

it('says why an order cannot be cancelled once a line shipped, and lets the shopper return it; the manager accepts it and marks it received', async () => {
  const { page, orderId } = await payOrder('en', [[HONEY, 1]], 3);

  // The shopper is about to cancel while the pavilion ships the line.
  await page.locator('[data-testid="cancel-order"]').click();
  await shipLine(orderId, 1);
  await page.locator('[data-testid="cancel-order-confirm"]').click();
  const problem = page.locator('[data-testid="cancel-problem"]');
  await expect.poll(() => problem.isVisible()).toBe(true);
  expect(await problem.textContent()).toBe('Part of the order has shipped in the meantime, so it can no longer be cancelled. Shipped items can be returned once they arrive.');
  expect(await orderStatus(page)).toBe('paid');

  // The page has read the order again: the line is shipped and may be returned.
  const line = orderLine(page, 1);
  await expect.poll(() => line.getAttribute('data-fulfilment')).toBe('shipped');
  expect(await page.locator('[data-testid="cancel-order"]').isVisible()).toBe(false);
  await line.locator('[data-testid="return-line"]').click();
  // Too short a reason is named beside the field, before asking the API.
  await line.locator('[data-testid="return-reason"]').fill('no');
  await line.locator('[data-testid="return-send"]').click();
  expect(await line.locator('[data-testid="return-problem"]').textContent()).toBe('Say in at least 3 characters why the goods go back.');
  await line.locator('[data-testid="return-reason"]').fill('The jar arrived cracked');
  await expectNoSeriousA11yViolations(page, 'the order with a return being asked for');
  await line.locator('[data-testid="return-send"]').click();
  await expect.poll(() => line.locator('[data-testid="line-return"]').getAttribute('data-status')).toBe('requested');
  expect(await line.locator('[data-testid="return-line"]').isVisible()).toBe(false);
  expect(await page.locator('[data-testid="after-sale-message"]').textContent()).toBe('Your return request went to the pavilion.');

  const manager = await kyrgyzManagerOnOrders();
  await manager.locator('[data-tab="shipped"]').click();
  const row = manager.locator(`[data-testid="orders"] tr[data-line="${orderId}/1"]`);
  await row.waitFor();
  expect(await row.locator('[data-return]').textContent()).toContain('The jar arrived cracked');
  await row.locator('[data-action="accept-return"]').click();
  await expect.poll(() => row.locator('[data-return]').getAttribute('data-return')).toBe('accepted');
  await row.locator('[data-action="return-received"]').click();
  await row.locator('form[data-form="received"] select[name="condition"]').selectOption('resellable');
  await row.locator('form[data-form="received"] button[type="submit"]').click();
  await expect.poll(() => row.locator('[data-return]').getAttribute('data-return')).toMatch(/^(received|refunded)$/);
  expect(await row.locator('[data-action]').count()).toBe(0);
  await manager.context().close();

  await page.reload();
  await expect.poll(() => orderStatus(page), { timeout: 20_000 }).toBe('refunded');
  await expect.poll(() => line.locator('[data-testid="line-return"]').getAttribute('data-status'), { timeout: 20_000 }).toBe('refunded');
  expect(await page.locator('[data-testid="order-refund"]').textContent()).toContain('Returned goods');
  await page.context().close();
});

it('lets the manager decline a return with a reason the shopper then reads on the order page', async () => {
  const { page, orderId } = await payOrder('ru', [[SAINFOIN_HONEY, 1]], 4);
  await shipLine(orderId, 1);
  const token = new URL(page.url()).hash.replace('#token=', '');
  const asked = await api('POST', `/api/orders/${orderId}/lines/1/return`, { reason: 'Передумал' }, { 'x-order-token': token });
  expect(asked.status).toBe(200);

  const manager = await kyrgyzManagerOnOrders();
  await manager.locator('[data-tab="shipped"]').click();
  const row = manager.locator(`[data-testid="orders"] tr[data-line="${orderId}/1"]`);
  await row.waitFor();
  await row.locator('[data-action="decline-return"]').click();
  const form = row.locator('form[data-form="decline"]');
  // The reason is the API's to check: too short is named beside the field.
  await form.locator('input[name="reason"]').fill('no');
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => form.locator('.field-error').textContent()).toMatch(/at least 3 characters/);
  await form.locator('input[name="reason"]').fill('Opened jars cannot be taken back');
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => row.locator('[data-return]').getAttribute('data-return')).toBe('declined');
  expect(await row.locator('[data-action]').count()).toBe(0);
  await manager.context().close();

  await page.reload();
  const line = orderLine(page, 1);
  await expect.poll(() => line.locator('[data-testid="line-return"]').getAttribute('data-status')).toBe('declined');
  expect(await line.locator('[data-testid="line-return"]').textContent()).toBe('Павильон отклонил возврат: Opened jars cannot be taken back');
  expect(await line.locator('[data-testid="return-line"]').isVisible()).toBe(false);
  expect(await orderStatus(page)).toBe('paid');
  await page.context().close();
});
