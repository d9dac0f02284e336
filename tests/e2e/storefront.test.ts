import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { formatMoney, type CurrencyCode, type Money } from '../../functions/domain/money.js';
import { convertedPrice } from '../../site/src/features/price/price.js';
import { rateBookOf, type RatesAnswer } from '../../site/src/features/price/rates.js';
import defaultRates from '../../functions/adapters/rates/default-rates.json' with { type: 'json' };
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import { loadRatesFile } from '../../functions/usecases/exchange-rates.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
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

/** Sums the page's layout shifts (CLS without session windows: every shift counts), from before its first paint. */
function observeLayoutShifts(): void {
  const shifts = { total: 0, supported: PerformanceObserver.supportedEntryTypes.includes('layout-shift') };
  (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) shifts.total += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Waits until every price on the page has been brought up to date with GET /api/rates, then gives the page a moment. */
async function pricesLive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const prices = [...document.querySelectorAll<HTMLElement>('[data-price]')];
    return prices.length > 0 && prices.every((price) => price.dataset.rates === 'live');
  });
  await page.waitForTimeout(300);
}

async function layoutShift(page: Page): Promise<number> {
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: { total: number; supported: boolean } }).__shifts);
  expect(shifts.supported).toBe(true);
  return shifts.total;
}

it('shows a zh shopper yuan with the pavilion’s price beside it, and roubles on cards, product page and cart once they pick RUB in the header, with nothing moving', async () => {
  const honey = 'kg-hny-001';
  const rates = (await (await fetch(`${env.stack.url}/api/rates`)).json()) as RatesAnswer;
  const book = rateBookOf(rates);
  const own = ((await (await fetch(`${env.stack.url}/api/products/${honey}`)).json()) as { price: Money }).price;
  expect(own.currency).toBe('KGS');
  const shown = (currency: CurrencyCode) => formatMoney(convertedPrice(own, currency, book)!, 'zh-CN');
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observeLayoutShifts);
  const shopper = await context.newPage();
  const card = shopper.locator(`[data-testid="product-card"][data-product-id="${honey}"] [data-testid="card-price"]`);
  const productPrice = shopper.locator('[data-testid="price"]');
  const header = shopper.locator('[data-testid="currency-picker"]');

  // Yuan by default, the pavilion's own price beside it; the static figure was right, so nothing moved.
  await shopper.goto(`${env.stack.url}/zh/pavilions/kg/`);
  await pricesLive(shopper);
  expect(await card.locator('[data-price-main]').textContent()).toBe(shown('CNY'));
  expect(await card.locator('[data-price-main]').textContent()).toMatch(/^¥\d+\.\d\d$/);
  expect(await card.textContent()).toContain(formatMoney(own, 'zh-CN'));
  expect(await header.getAttribute('data-currency')).toBe('CNY');
  expect(await layoutShift(shopper)).toBe(0);

  await shopper.goto(`${env.stack.url}/zh/products/${honey}/`);
  await pricesLive(shopper);
  expect(await productPrice.locator('[data-price-main]').textContent()).toBe(shown('CNY'));
  expect(await productPrice.textContent()).toContain(formatMoney(own, 'zh-CN'));
  expect(await productPrice.getAttribute('data-currency')).toBe('KGS');
  expect(await layoutShift(shopper)).toBe(0);

  // Roubles, picked in the header: the price follows at once, the pavilion's price stays beside it.
  await shopper.locator('[data-testid="currency-select"]').selectOption('RUB');
  await expect.poll(() => productPrice.locator('[data-price-main]').getAttribute('data-currency')).toBe('RUB');
  expect(await productPrice.locator('[data-price-main]').textContent()).toBe(shown('RUB'));
  expect(await productPrice.textContent()).toContain(formatMoney(own, 'zh-CN'));
  expect(await header.getAttribute('data-currency')).toBe('RUB');

  // The choice survives a reload, and a page opened in roubles does not move when its yuan turn to roubles.
  await shopper.reload();
  await pricesLive(shopper);
  expect(await productPrice.locator('[data-price-main]').textContent()).toBe(shown('RUB'));
  expect(await header.getAttribute('data-currency')).toBe('RUB');
  expect(await layoutShift(shopper)).toBe(0);
  await shopper.goto(`${env.stack.url}/zh/pavilions/kg/`);
  await pricesLive(shopper);
  expect(await card.locator('[data-price-main]').textContent()).toBe(shown('RUB'));
  expect(await card.textContent()).toContain(formatMoney(own, 'zh-CN'));
  expect(await layoutShift(shopper)).toBe(0);

  // The cart charges in roubles: its select, its lines and its total follow the header.
  await shopper.goto(`${env.stack.url}/zh/products/${honey}/`);
  await expect.poll(() => shopper.locator('[data-live-product]').getAttribute('data-live')).toBe('true');
  await shopper.locator('[data-testid="add-to-cart"]').click();
  await expect.poll(() => shopper.locator('[data-testid="add-result"]').getAttribute('data-tone')).toBe('ok');
  await shopper.goto(`${env.stack.url}/zh/cart/`);
  const total = shopper.locator('[data-testid="cart-total"]');
  await expect.poll(() => total.getAttribute('data-currency')).toBe('RUB');
  expect(await shopper.locator('[data-testid="cart-currency"]').inputValue()).toBe('RUB');
  const line = shopper.locator(`[data-testid="cart-line"][data-product-id="${honey}"]`);
  expect(await line.locator('[data-testid="line-total"]').textContent()).toBe(shown('RUB'));
  expect(await line.locator('[data-testid="line-own-total"]').textContent()).toBe(formatMoney(own, 'zh-CN'));
  expect(await total.textContent()).toMatch(/^RUB\s[\d,]+\.\d\d$/);

  // Back to yuan from the header, on the cart page itself: the cart follows without a reload.
  await shopper.locator('[data-testid="currency-select"]').selectOption('CNY');
  await expect.poll(() => total.getAttribute('data-currency')).toBe('CNY');
  expect(await shopper.locator('[data-testid="cart-currency"]').inputValue()).toBe('CNY');
  expect(await line.locator('[data-testid="line-total"]').textContent()).toBe(shown('CNY'));
  await context.close();
});

it('has no serious or critical accessibility violations (axe-core) on the home, pavilion, category, product, search and (empty) cart pages, on a desktop and a phone', async () => {
  const pages = [
    '/zh/',
    '/en/pavilions/',
    '/zh/pavilions/kg/',
    '/en/categories/',
    '/ru/categories/honey/',
    '/ru/categories/honey/kg/',
    '/zh/products/kg-hny-001/',
    '/en/products/kg-frt-001/',
    `/zh/search/?q=${encodeURIComponent('蜂蜜')}`,
    '/ru/search/?category=honey&sort=price-asc',
    '/zh/cart/',
  ];
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport });
    const shopper = await context.newPage();
    for (const path of pages) {
      await shopper.goto(`${env.stack.url}${path}`);
      // Checked as the shopper sees them: prices brought up to date, the live product read, search answered.
      await shopper.waitForLoadState('networkidle');
      if (path.includes('/search/')) {
        await expect.poll(() => shopper.locator('[data-search-form]').getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(done|empty)$/);
      }
      await expectNoSeriousA11yViolations(shopper, `${path} at ${viewport.width} px`);
    }
    await context.close();
  }
}, 180_000);

it('corrects the price a page was built with when the rates have changed since: today’s yuan, the pavilion’s own price as it was', async () => {
  const honey = 'kg-hny-001';
  const ratesNow = async () => rateBookOf((await (await fetch(`${env.stack.url}/api/rates`)).json()) as RatesAnswer);
  const built = await ratesNow();
  // A refresh after the build (the daily one in AWS): the som a tenth dearer in yuan.
  expect(defaultRates.yuanPerUnit.KGS).toBe('0.0812');
  const { doc, raw } = createDynamoClients({ endpoint: env.stack.dynamoEndpoint, region: 'local' });
  try {
    const refreshed = { ...defaultRates, yuanPerUnit: { ...defaultRates.yuanPerUnit, KGS: '0.08932' } };
    await loadRatesFile({ rateStore: new DynamoRateStore(doc, env.stack.tableName), clock: { now: () => new Date() }, file: new FileRateSource('refreshed.json', async () => refreshed) });
  } finally {
    raw.destroy();
  }
  const today = await ratesNow();
  const own = ((await (await fetch(`${env.stack.url}/api/products/${honey}`)).json()) as { price: Money }).price;
  const before = formatMoney(convertedPrice(own, 'CNY', built)!, 'zh-CN');
  const after = formatMoney(convertedPrice(own, 'CNY', today)!, 'zh-CN');
  expect(after).not.toBe(before);

  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const shopper = await context.newPage();
  await shopper.goto(`${env.stack.url}/zh/products/${honey}/`);
  // The build wrote the yuan at its rates; the island rewrites them with today's.
  expect(await (await fetch(`${env.stack.url}/zh/products/${honey}/`)).text()).toContain(before);
  await pricesLive(shopper);
  const price = shopper.locator('[data-testid="price"]');
  expect(await price.locator('[data-price-main]').textContent()).toBe(after);
  expect(await price.locator('[data-price-own-text]').textContent()).toBe(formatMoney(own, 'zh-CN'));
  await context.close();
});
