import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useStoreAndBrowser } from '../support/local-stack.js';

const env = useStoreAndBrowser();

/** Free units as the API reports them (stock the product page shows). */
async function liveStock(productId: string): Promise<number> {
  const response = await fetch(`${env.stack.url}/api/products/${productId}`);
  return ((await response.json()) as { stock: number }).stock;
}

async function shopperPage(locale: string): Promise<Page> {
  const context = await env.browser.newContext({ locale });
  return context.newPage();
}

async function openProduct(page: Page, lang: string, productId: string): Promise<void> {
  await page.goto(`${env.stack.url}/${lang}/products/${productId}/`);
  // The live-product island has read stock and price; add-to-cart now knows the stock too.
  await expect.poll(() => page.locator('[data-live-product]').getAttribute('data-live')).toBe('true');
}

async function addToCartAndOpenIt(page: Page, lang: string, quantity: number): Promise<void> {
  await page.locator('[data-testid="buy-quantity"]').fill(String(quantity));
  await page.locator('[data-testid="add-to-cart"]').click();
  await expect.poll(() => page.locator('[data-testid="add-result"]').getAttribute('data-tone')).toBe('ok');
  await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe(String(quantity));
  await page.locator('[data-testid="view-cart"]').click();
  await page.waitForURL(new RegExp(`/${lang}/cart/$`));
}

function expectTokenOnlyInFragment(href: string): void {
  const url = new URL(href);
  expect(url.search).not.toContain('token=');
  expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
}

async function checkOut(page: Page, email: string): Promise<void> {
  await page.locator('[data-testid="checkout-email"]').fill(email);
  await page.locator('[data-testid="checkout-submit"]').click();
  await page.waitForURL((url) => url.href.startsWith(`${env.stack.stripeUrl}/pay/`));
}

it('lets a shopper buy honey from its product page, pay on the Stripe page and see the order paid, with the stock lower by what was bought', async () => {
  const honey = 'kg-hny-001';
  const stockBefore = await liveStock(honey);
  const page = await shopperPage('zh-CN');

  await openProduct(page, 'zh', honey);
  await addToCartAndOpenIt(page, 'zh', 2);

  const line = page.locator(`[data-testid="cart-line"][data-product-id="${honey}"]`);
  await expect.poll(() => line.locator('[data-testid="line-quantity"]').inputValue()).toBe('2');
  expect(await line.textContent()).toMatch(/伊塞克湖白蜜/);
  // Changing the quantity in the cart goes through the API and back into the header.
  await line.locator('[data-testid="line-quantity"]').fill('3');
  await line.locator('[data-testid="line-quantity"]').press('Enter');
  await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe('3');
  await line.locator('[data-step="-1"]').click();
  await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe('2');
  const total = page.locator('[data-testid="cart-total"]');
  expect(await total.getAttribute('data-currency')).toBe('CNY');
  expect(await total.textContent()).toMatch(/¥\s?[\d,]+\.\d\d/);

  await checkOut(page, 'shopper@example.com');
  await page.locator('[data-testid="pay"]').click();
  await page.waitForURL((url) => url.pathname === '/zh/order/' && /^ORD-[0-9A-Z]{16}$/.test(url.searchParams.get('id') ?? ''));
  // The token rides in the fragment, never the query: CloudFront's access logs keep query strings.
  expectTokenOnlyInFragment(page.url());
  await expect.poll(() => page.locator('[data-testid="order-status"]').getAttribute('data-status'), { timeout: 20_000 }).toBe('paid');
  expect(await page.locator('[data-testid="order-line"]').count()).toBe(1);
  // Switching language keeps the order in view, still without the token in the query.
  await page.locator('[data-testid="language-switch"] a[data-lang="en"]').first().click();
  await page.waitForURL((url) => url.pathname === '/en/order/');
  expectTokenOnlyInFragment(page.url());
  await expect.poll(() => page.locator('[data-testid="order-status"]').getAttribute('data-status')).toBe('paid');
  // The paid order took the cart with it.
  await expect.poll(() => page.locator('[data-testid="cart-count"]').isHidden()).toBe(true);

  expect(await liveStock(honey)).toBe(stockBefore - 2);
  await openProduct(page, 'zh', honey);
  expect(await page.locator('[data-testid="stock"]').getAttribute('data-stock')).toBe(String(stockBefore - 2));
  await page.context().close();
});

it('says how many are left when a shopper asks for more, and brings them back to the cart with the line still there when they cancel on the Stripe page', async () => {
  const chocolate = 'ru-swt-001';
  const page = await shopperPage('ru-RU');
  await openProduct(page, 'ru', chocolate);
  await addToCartAndOpenIt(page, 'ru', 1);

  const line = page.locator(`[data-testid="cart-line"][data-product-id="${chocolate}"]`);
  await line.locator('[data-testid="line-quantity"]').fill('999');
  await line.locator('[data-testid="line-quantity"]').press('Enter');
  const available = await liveStock(chocolate);
  await expect.poll(() => line.locator('[data-testid="line-note"]').textContent()).toContain(`осталось только ${available} шт.`);
  expect(await line.locator('[data-testid="line-quantity"]').inputValue()).toBe('1');

  await checkOut(page, 'shopper@example.com');
  await page.locator('[data-testid="cancel"]').click();
  await page.waitForURL(/\/ru\/cart\/$/);
  await expect.poll(() => page.locator('[data-testid="cart-notice"]').isVisible()).toBe(true);
  expect(await page.locator('[data-testid="cart-notice"]').textContent()).toMatch(/деньги не списаны/);
  await expect.poll(() => line.locator('[data-testid="line-quantity"]').inputValue()).toBe('1');
  expect(await page.locator('[data-testid="checkout-email"]').inputValue()).toBe('shopper@example.com');
  await page.context().close();
});
