import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useStoreAndBrowser } from '../support/local-stack.js';

/**
 * The cart page is static: cart-page.ts fills it in from the API after the first paint. Whatever
 * it shows then (the empty cart, or lines with the checkout form) must take the place the page kept
 * for it, so nothing the shopper already sees moves. Cumulative layout shift is a layout measure,
 * not a timing: a page that keeps the right place scores 0 however fast or slow the API answers.
 */
const env = useStoreAndBrowser();

/** Above this a page "jumps" (Google's "good" CLS is 0.1; ours is stricter). */
const MAX_CLS = 0.02;
const LANGUAGES = [
  { lang: 'zh', locale: 'zh-CN' },
  { lang: 'ru', locale: 'ru-RU' },
  { lang: 'en', locale: 'en-GB' },
] as const;
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** Sums every layout shift of the page from before its first paint, with what moved (for the failure message). */
function observeLayoutShifts(): void {
  const record = { total: 0, supported: PerformanceObserver.supportedEntryTypes.includes('layout-shift'), moved: [] as string[] };
  (window as unknown as { __shifts: typeof record }).__shifts = record;
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Shift[]) {
      if (entry.hadRecentInput) continue;
      record.total += entry.value;
      const names = (entry.sources ?? []).map((source) => (source.node instanceof Element ? `${source.node.tagName.toLowerCase()}.${source.node.classList[0] ?? ''}` : '?'));
      record.moved.push(`${entry.value.toFixed(3)} (${names.join(', ')})`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function cartPage(context: BrowserContext, lang: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${env.stack.url}/${lang}/cart/`);
  return page;
}

/** Waits for the cart island to settle in `state`, then for two more frames so the last shifts are reported. */
async function cumulativeShift(page: Page, state: 'empty' | 'filled'): Promise<{ total: number; moved: string[] }> {
  await expect.poll(() => page.locator('[data-cart-page]').getAttribute('data-state')).toBe(state);
  const shifts = await page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return (window as unknown as { __shifts: { total: number; supported: boolean; moved: string[] } }).__shifts;
  });
  expect(shifts.supported).toBe(true);
  return shifts;
}

async function newShopper(locale: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await env.browser.newContext({ locale, viewport });
  await context.addInitScript(observeLayoutShifts);
  return context;
}

/** A cart with two lines made through the API, its id in the cart cookie as the site sets it. */
async function cartWithLines(context: BrowserContext): Promise<void> {
  const created = (await (await fetch(`${env.stack.url}/api/carts`, { method: 'POST' })).json()) as { id: string };
  for (const productId of ['kg-hny-001', 'ru-swt-001']) {
    const answer = await fetch(`${env.stack.url}/api/carts/${created.id}/lines/${productId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quantity: 2 }),
    });
    expect(answer.status).toBe(200);
  }
  await context.addCookies([{ name: 'cart_id', value: created.id, url: env.stack.url }]);
}

for (const viewport of VIEWPORTS) {
  it(`keeps the empty cart page still while it loads, in zh, ru and en, on a ${viewport.name} (${viewport.width} px)`, async () => {
    for (const { lang, locale } of LANGUAGES) {
      const context = await newShopper(locale, viewport);
      const page = await cartPage(context, lang);
      const shifts = await cumulativeShift(page, 'empty');
      expect(shifts.total, `${lang}: ${shifts.moved.join('; ')}`).toBeLessThanOrEqual(MAX_CLS);
      await context.close();
    }
  });

  it(`keeps the cart page still while its lines, summary and header count load, in zh, ru and en, on a ${viewport.name} (${viewport.width} px)`, async () => {
    for (const { lang, locale } of LANGUAGES) {
      const context = await newShopper(locale, viewport);
      await cartWithLines(context);
      const page = await cartPage(context, lang);
      const shifts = await cumulativeShift(page, 'filled');
      expect(await page.locator('[data-testid="cart-line"]').count()).toBe(2);
      expect(shifts.total, `${lang}: ${shifts.moved.join('; ')}`).toBeLessThanOrEqual(MAX_CLS);
      await context.close();
    }
  });
}

it('keeps the page still when a shopper who emptied their cart comes back to it', async () => {
  const context = await newShopper('ru-RU', { width: 390, height: 844 });
  await cartWithLines(context);
  const page = await cartPage(context, 'ru');
  await expect.poll(() => page.locator('[data-testid="cart-line"]').count()).toBe(2);
  await page.locator('[data-testid="line-remove"]').first().click();
  await expect.poll(() => page.locator('[data-testid="cart-line"]').count()).toBe(1);
  await page.locator('[data-testid="line-remove"]').first().click();
  await expect.poll(() => page.locator('[data-cart-page]').getAttribute('data-state')).toBe('empty');
  await page.reload();
  const shifts = await cumulativeShift(page, 'empty');
  expect(shifts.total, shifts.moved.join('; ')).toBeLessThanOrEqual(MAX_CLS);
  await context.close();
});
