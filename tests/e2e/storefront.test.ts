import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { useStoreAndBrowser } from '../support/local-stack.js';

const env = useStoreAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await env.browser.newPage({ locale: 'zh-CN' });
});

it('lets a shopper go from the home page to the Kyrgyz pavilion and a honey product with its live price and stock', async () => {
  await page.goto(`${env.stack.url}/`);
  await page.waitForURL(/\/zh\/$/);
  await page.locator('[data-testid="pavilion-card"][data-pavilion="KG"]').first().click();
  await page.waitForURL(/\/zh\/pavilions\/kg\/$/);

  const honey = page.locator('[data-testid="product-card"][data-category="honey"]').first();
  await expect.poll(() => honey.count()).toBeGreaterThan(0);
  await honey.click();
  await page.waitForURL(/\/zh\/products\/kg-[a-z0-9-]+\/$/);

  const productId = new URL(page.url()).pathname.split('/')[3]!;
  const live = (await (await fetch(`${env.stack.url}/api/products/${productId}`)).json()) as { stock: number; price: { amount: number } };
  const price = page.locator('[data-testid="price"]').first();
  const stock = page.locator('[data-testid="stock"]').first();
  await expect.poll(() => price.textContent()).toMatch(/\d/);
  // The island has replaced the build-time line with the live figure from the API.
  await expect.poll(() => page.locator('[data-live-product]').first().getAttribute('data-live')).toBe('true');
  expect(await stock.getAttribute('data-stock')).toBe(String(live.stock));
  expect(await page.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
});

it('offers no add-to-cart for goods China does not let in as cross-border retail, says why, and gives other goods their import tax rate', async () => {
  // Fresh cherries are off China's positive list for cross-border retail imports.
  await page.goto(`${env.stack.url}/zh/products/kg-frt-001/`);
  expect(await page.locator('[data-testid="add-to-cart"]').count()).toBe(0);
  expect(await page.locator('[data-testid="buy-quantity"]').count()).toBe(0);
  const note = page.locator('[data-testid="not-importable"]');
  expect(await note.getAttribute('data-reason')).toBe('not_importable');
  expect(await note.textContent()).toContain('不在《跨境电子商务零售进口商品清单》内');

  const ru = await (await env.browser.newContext({ locale: 'ru-RU' })).newPage();
  await ru.goto(`${env.stack.url}/ru/products/kg-frt-001/`);
  expect(await ru.locator('[data-testid="not-importable"]').textContent()).toMatch(/нет в китайском перечне/);
  await ru.context().close();

  // Honey pays 70% of the 9% VAT: 6.3%.
  await page.goto(`${env.stack.url}/zh/products/kg-hny-001/`);
  expect(await page.locator('[data-testid="add-to-cart"]').count()).toBe(1);
  expect(await page.locator('[data-testid="tax-rate"]').textContent()).toContain('跨境电商综合税 6.3%');
});
