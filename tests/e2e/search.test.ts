import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { contentSecurityPolicy } from '../../infra/constructs/site-csp.js';
import { SEED_PAVILIONS, syntheticProducts } from '../../infra/local/seed/index.js';
import { gzipSync } from 'node:zlib';
import { formatMoney, type Money } from '../../functions/domain/money.js';
import { convertedPrice } from '../../site/src/features/price/price.js';
import { rateBookOf, type RatesAnswer } from '../../site/src/features/price/rates.js';
import { useStoreAndBrowser } from '../support/local-stack.js';

const env = useStoreAndBrowser();

/** What the browser refused under the site's Content-Security-Policy, per context. */
const refusals = new WeakMap<BrowserContext, string[]>();

/**
 * A shopper's browser on the local store, with every response carrying the CSP CloudFront gives the
 * site (infra/constructs/site-csp.ts; the built site has no inline script, so no hashes), pages and
 * Pagefind's worker alike: search must run under it, WebAssembly included.
 */
async function shopper(locale: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await env.browser.newContext({ locale, javaScriptEnabled: options.javaScript ?? true });
  await context.route(`${env.stack.url}/**`, async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy() } });
    } catch {
      // The store went away under a request (a test that failed and left its page open): drop it, nothing else.
      await route.abort().catch(() => undefined);
    }
  });
  const refused: string[] = [];
  refusals.set(context, refused);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|falling back to main thread/i.test(message.text())) refused.push(message.text());
  });
  page.on('pageerror', (error) => refused.push(error.message));
  return page;
}

/** Closes a shopper's browser, letting go of responses still passing through the CSP route (a late favicon). */
async function closeShopper(page: Page): Promise<void> {
  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  await page.context().close();
}

/** Every result of the search the page shows, "Show more" pressed until all are on the page. */
async function allResults(page: Page): Promise<{ id: string; title: string; pavilion: string; price: string; image: string }[]> {
  await expect.poll(() => page.locator('[data-search-form]').getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(done|empty)$/);
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-testid="search-result"]').count();
    await more.click();
    await expect.poll(() => page.locator('[data-testid="search-result"]').count()).toBeGreaterThan(before);
  }
  // Each price has been brought up to the live rates in the shopper's currency (features/price/price-island.ts).
  await expect
    .poll(() => page.locator('[data-testid="search-result"] [data-price]:not([data-rates="live"])').count())
    .toBe(0);
  return page.locator('[data-testid="search-result"]').evaluateAll((items) =>
    items.map((item) => ({
      id: (item as HTMLElement).dataset.productId ?? '',
      title: item.querySelector('.hit-title')?.textContent ?? '',
      pavilion: item.querySelector('.hit-pavilion')?.textContent?.trim() ?? '',
      price: item.querySelector('[data-price-main]')?.textContent ?? '',
      image: item.querySelector('img')?.getAttribute('src') ?? '',
    })),
  );
}

interface Listed {
  readonly id: string;
  readonly category: string;
  readonly createdAt: string;
  readonly fulfilment: { readonly mode: string };
  readonly price: Money;
}

/** Every product on sale, from the API's pages: what each search below should find. */
async function everyProduct(): Promise<Listed[]> {
  const all: Listed[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${env.stack.url}/api/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const page = (await response.json()) as { items: Listed[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function kyrgyzHoneys(): Promise<string[]> {
  const response = await fetch(`${env.stack.url}/api/products?pavilion=KG&category=honey&limit=100`);
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items.map((item) => item.id).sort();
}

it('finds the Kyrgyz honeys for 蜂蜜, мёд and honey, each in its own language, from the header’s search box', async () => {
  const honeys = await kyrgyzHoneys();
  expect(honeys.length).toBeGreaterThanOrEqual(4);
  const cases = [
    { lang: 'zh', locale: 'zh-CN', q: '蜂蜜', script: /[\u4e00-\u9fff]/, pavilion: '吉尔吉斯斯坦' },
    { lang: 'ru', locale: 'ru-RU', q: 'мёд', script: /[а-яё]/i, pavilion: 'Кыргызстан' },
    { lang: 'en', locale: 'en-GB', q: 'honey', script: /^[\x20-\x7e\u2019]+$/, pavilion: 'Kyrgyzstan' },
  ];
  for (const { lang, locale, q, script, pavilion } of cases) {
    const page = await shopper(locale);
    await page.goto(`${env.stack.url}/${lang}/`);
    await page.locator('[data-testid="site-search-input"]').fill(q);
    await page.locator('[data-testid="site-search-input"]').press('Enter');
    await page.waitForURL(`${env.stack.url}/${lang}/search/?q=${encodeURIComponent(q)}`);

    const results = await allResults(page);
    const ids = results.map((result) => result.id);
    for (const honey of honeys) expect(ids, `${q} finds ${honey}`).toContain(honey);
    const kyrgyz = results.filter((result) => honeys.includes(result.id));
    for (const result of kyrgyz) {
      // Image, title in the page's language, pavilion and price (in yuan, the default currency).
      expect(result.title).toMatch(script);
      expect(result.pavilion).toContain(pavilion);
      expect(result.image).toMatch(/^\/media\//);
      expect(result.price).toMatch(/\d/);
    }
    expect(await page.locator('[data-testid="search-result"] a').first().getAttribute('href')).toMatch(new RegExp(`^/${lang}/products/`));
    expect(refusals.get(page.context())).toEqual([]);
    await closeShopper(page);
  }
}, 120_000);

it('filters by pavilion, certificate and price band, sorts by price, and keeps the choices in the address', async () => {
  const page = await shopper('en-GB');
  await page.goto(`${env.stack.url}/en/search/?q=honey`);
  await allResults(page);
  // Ticking a pavilion narrows the results to it, and the address says so.
  await page.locator('fieldset[data-facet="pavilion"] input[value="KG"]').check();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('pavilion')).toEqual(['KG']);
  const kyrgyz = await allResults(page);
  expect(kyrgyz.length).toBeGreaterThan(0);
  for (const result of kyrgyz) expect(result.id).toMatch(/^kg-/);
  // The other pavilions still show what ticking them would add.
  expect(Number(await page.locator('[data-count="pavilion:KZ"]').textContent())).toBeGreaterThan(0);

  // Sorted by price, low to high: the yuan figures rise (read from the price island's data-amount).
  await page.locator('[data-testid="search-sort"]').selectOption('price-asc');
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('price-asc');
  await allResults(page);
  const amounts = await page.locator('[data-testid="search-result"] [data-price-main]').evaluateAll((prices) =>
    prices.map((price) => ({ amount: Number((price as HTMLElement).dataset.amount), currency: (price as HTMLElement).dataset.currency })),
  );
  expect(amounts.every((price) => price.currency === 'CNY')).toBe(true);
  expect(amounts.map((price) => price.amount)).toEqual([...amounts.map((price) => price.amount)].sort((a, b) => a - b));

  // A price band and a certificate, with no words at all: a shared link opens on the same results.
  await page.goto(`${env.stack.url}/en/search/?certificate=gacc&price=0-50`);
  const cheap = await allResults(page);
  expect(cheap.length).toBeGreaterThan(0);
  expect(await page.locator('fieldset[data-facet="price"] input[value="0-50"]').isChecked()).toBe(true);
  const cheapAmounts = await page.locator('[data-testid="search-result"] [data-price-main]').evaluateAll((prices) =>
    prices.map((price) => Number((price as HTMLElement).dataset.amount)),
  );
  for (const amount of cheapAmounts) expect(amount).toBeLessThan(5000);
  expect(refusals.get(page.context())).toEqual([]);
  await closeShopper(page);
});

it('loads no search code on a product page until the search box is focused, then suggests products as the shopper types', async () => {
  const page = await shopper('zh-CN');
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // Every script the page runs, gzipped as the CDN sends it.
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (/\.m?js$/.test(path)) scripts.set(path, gzipSync(await response.body()).length);
  });
  await page.goto(`${env.stack.url}/zh/products/kg-hny-001/`, { waitUntil: 'load' });
  await expect.poll(() => page.locator('[data-live-product]').getAttribute('data-live')).toBe('true');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  expect(scripts.size).toBeGreaterThan(3);
  const javaScript = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  expect(javaScript, [...scripts].map(([path, bytes]) => `${path} ${bytes}`).join(', ')).toBeLessThanOrEqual(15 * 1024);
  expect([...scripts.keys()].filter((path) => /suggest|search-page/.test(path))).toEqual([]);

  await page.locator('[data-testid="site-search-input"]').focus();
  await expect.poll(() => fetched.includes('/pagefind/pagefind.js')).toBe(true);
  await page.locator('[data-testid="site-search-input"]').pressSequentially('蜂蜜');
  const suggestion = page.locator('[data-testid="suggestion"]').first();
  await suggestion.waitFor();
  expect(await page.locator('[data-testid="suggestion"]').count()).toBeLessThanOrEqual(5);
  expect(await suggestion.getAttribute('href')).toMatch(/^\/zh\/products\//);
  // Down arrow walks into the suggestions; Escape closes them and returns to the box.
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('suggestion');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('[data-testid="suggestions"]').isHidden()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('site-search-input');
  expect(refusals.get(page.context())).toEqual([]);
  await closeShopper(page);
});

it('segments Chinese: 白蜜, a word inside the title 伊塞克湖白蜜, finds that honey', async () => {
  const page = await shopper('zh-CN');
  await page.goto(`${env.stack.url}/zh/search/?q=${encodeURIComponent('白蜜')}`);
  const results = await allResults(page);
  expect(results.map((result) => result.id)).toContain('kg-hny-001');
  expect(results.find((result) => result.id === 'kg-hny-001')?.title).toBe('伊塞克湖白蜜');
  await closeShopper(page);
});

it('filters by category and by fulfilment mode, and sorts by newest and by price from high to low', async () => {
  const products = await everyProduct();
  const byId = new Map(products.map((product) => [product.id, product]));
  const ids = (list: readonly { id: string }[]) => list.map((item) => item.id).sort();
  const honey = products.filter((product) => product.category === 'honey');
  const railHoney = honey.filter((product) => product.fulfilment.mode === 'direct_rail');
  expect(railHoney.length).toBeGreaterThan(0);
  expect(railHoney.length).toBeLessThan(honey.length);

  // Filters alone, no words: ticking a category, then a fulfilment mode, finds exactly those products.
  const page = await shopper('en-GB');
  await page.goto(`${env.stack.url}/en/search/`);
  await expect.poll(() => page.locator('[data-search-form]').getAttribute('data-state'), { timeout: 15_000 }).toBe('idle');
  await page.locator('fieldset[data-facet="category"] input[value="honey"]').check();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('category')).toEqual(['honey']);
  expect(ids(await allResults(page))).toEqual(ids(honey));
  await page.locator('fieldset[data-facet="fulfilment"] input[value="direct_rail"]').check();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('fulfilment')).toEqual(['direct_rail']);
  expect(ids(await allResults(page))).toEqual(ids(railHoney));
  // The fulfilment facet counts what each mode would leave, its own tick aside.
  expect(Number(await page.locator('[data-count="fulfilment:bonded_warehouse"]').textContent())).toBe(
    honey.filter((product) => product.fulfilment.mode === 'bonded_warehouse').length,
  );

  // Newest first: listed later comes earlier, whatever the words' relevance said.
  await page.goto(`${env.stack.url}/en/search/?q=honey`);
  const relevant = (await allResults(page)).map((result) => result.id);
  await page.locator('[data-testid="search-sort"]').selectOption('newest');
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
  const newest = (await allResults(page)).map((result) => result.id);
  expect([...newest].sort()).toEqual([...relevant].sort());
  expect(newest).not.toEqual(relevant);
  // The index keeps whole seconds.
  const listed = newest.map((id) => Math.floor(Date.parse(byId.get(id)!.createdAt) / 1000));
  expect(listed).toEqual([...listed].sort((a, b) => b - a));

  // Dearest first, in yuan.
  await page.locator('[data-testid="search-sort"]').selectOption('price-desc');
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('price-desc');
  await allResults(page);
  const amounts = await page.locator('[data-testid="search-result"] [data-price-main]').evaluateAll((prices) =>
    prices.map((price) => Number((price as HTMLElement).dataset.amount)),
  );
  expect(amounts.length).toBe(relevant.length);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  expect(refusals.get(page.context())).toEqual([]);
  await closeShopper(page);
});

it('shows results in the currency picked in the header, with the pavilion’s own price beside it, and remembers it', async () => {
  const book = rateBookOf((await (await fetch(`${env.stack.url}/api/rates`)).json()) as RatesAnswer);
  const page = await shopper('ru-RU');
  await page.goto(`${env.stack.url}/ru/search/?q=${encodeURIComponent('мёд')}`);
  await allResults(page);
  await page.locator('[data-testid="currency-select"]').selectOption('RUB');
  const prices = () =>
    page.locator('[data-testid="search-result"] [data-price]').evaluateAll((all) =>
      all.map((price) => ({
        amount: Number((price as HTMLElement).dataset.amount),
        currency: (price as HTMLElement).dataset.currency!,
        locale: (price as HTMLElement).dataset.locale!,
        main: price.querySelector<HTMLElement>('[data-price-main]')!.textContent,
        mainCurrency: price.querySelector<HTMLElement>('[data-price-main]')!.dataset.currency,
        own: price.querySelector('[data-price-own-text]')!.textContent,
      })),
    );
  await expect.poll(async () => (await prices()).every((price) => price.mainCurrency === 'RUB')).toBe(true);
  const check = async () => {
    const shown = await prices();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((price) => price.currency !== 'RUB')).toBe(true);
    for (const price of shown) {
      const own = { amount: price.amount, currency: price.currency } as Money;
      expect(price.main).toBe(formatMoney(convertedPrice(own, 'RUB', book)!, price.locale));
      // The pavilion's own price beside it, unless it is in roubles already.
      expect(price.own).toBe(price.currency === 'RUB' ? '' : formatMoney(own, price.locale));
    }
  };
  await check();
  // Remembered: the next search opens in roubles.
  await page.goto(`${env.stack.url}/ru/search/?q=${encodeURIComponent('варенье')}`);
  await allResults(page);
  expect(await page.locator('[data-testid="currency-picker"]').getAttribute('data-currency')).toBe('RUB');
  await check();
  await closeShopper(page);
});

it('pages categories and pavilions and filters a category by pavilion, all without JavaScript', async () => {
  // Enough products that the honey category and the Kyrgyz pavilion need more than one page of 24.
  const { doc, raw } = createDynamoClients({ endpoint: env.stack.dynamoEndpoint, region: 'local' });
  try {
    await new DynamoCatalogueStore(doc, env.stack.tableName).putProducts(syntheticProducts(400, SEED_PAVILIONS, new Date()));
  } finally {
    raw.destroy();
  }
  await env.stack.rebuildSite();
  const page = await shopper('ru-RU', { javaScript: false });
  const cards = () => page.locator('[data-testid="product-card"]').evaluateAll((all) => all.map((card) => [(card as HTMLElement).dataset.productId, (card as HTMLElement).dataset.pavilion, (card as HTMLElement).dataset.category]));

  // The way in: the category and pavilion indexes are plain links.
  await page.goto(`${env.stack.url}/ru/categories/`);
  await page.locator('[data-testid="category-tile"][data-category="honey"]').click();
  await page.waitForURL(`${env.stack.url}/ru/categories/honey/`);
  const first = await cards();
  expect(first).toHaveLength(24);
  // Each card carries its price in yuan at the build's rates, the pavilion's own beside it: no script needed.
  const book = rateBookOf((await (await fetch(`${env.stack.url}/api/rates`)).json()) as RatesAnswer);
  const firstPrice = page.locator('[data-testid="product-card"] [data-testid="card-price"]').first();
  const own = { amount: Number(await firstPrice.getAttribute('data-amount')), currency: (await firstPrice.getAttribute('data-currency'))! } as Money;
  expect(own.currency).not.toBe('CNY');
  expect(await firstPrice.locator('[data-price-main]').textContent()).toBe(formatMoney(convertedPrice(own, 'CNY', book)!, 'ru-RU'));
  expect(await firstPrice.locator('[data-price-own-text]').textContent()).toBe(formatMoney(own, 'ru-RU'));
  await page.locator('[data-testid="page-next"]').click();
  await page.waitForURL(`${env.stack.url}/ru/categories/honey/page/2/`);
  const second = await cards();
  expect(second.length).toBeGreaterThan(0);
  expect(second.every((card) => card[2] === 'honey')).toBe(true);
  expect(second.filter((card) => first.some((seen) => seen[0] === card[0]))).toEqual([]);
  expect(await page.locator('[data-testid="pagination"] [aria-current="page"]').textContent()).toContain('2');
  await page.locator('[data-testid="page-prev"]').click();
  await page.waitForURL(`${env.stack.url}/ru/categories/honey/`);

  // The pavilion filter is a link per pavilion, with its count.
  const chip = page.locator('[data-testid="pavilion-filter"] a[data-value="KG"]');
  const count = Number(await chip.locator('.n').textContent());
  await chip.click();
  await page.waitForURL(`${env.stack.url}/ru/categories/honey/kg/`);
  const kyrgyz = await cards();
  expect(kyrgyz).toHaveLength(Math.min(24, count));
  expect(kyrgyz.every((card) => card[1] === 'KG' && card[2] === 'honey')).toBe(true);
  expect(await page.locator('[data-testid="pavilion-filter"] a[aria-current="true"]').getAttribute('data-value')).toBe('KG');

  // The pavilion's own pages, reached from the index, and its category chips lead to the category filtered to it.
  await page.goto(`${env.stack.url}/ru/pavilions/`);
  await page.locator('[data-testid="pavilion-card"][data-pavilion="KG"] a.card-link').click();
  await page.waitForURL(`${env.stack.url}/ru/pavilions/kg/`);
  expect(await cards()).toHaveLength(24);
  await page.locator('[data-testid="page-next"]').click();
  await page.waitForURL(`${env.stack.url}/ru/pavilions/kg/page/2/`);
  expect((await cards()).every((card) => card[1] === 'KG')).toBe(true);
  await page.locator('[data-testid="category-filter"] a[data-value="honey"]').click();
  await page.waitForURL(`${env.stack.url}/ru/categories/honey/kg/`);

  // The header's search box is a plain form: it reaches the search page, which says what it needs.
  await page.locator('[data-testid="site-search-input"]').fill('мёд');
  await page.locator('[data-testid="site-search-input"]').press('Enter');
  await page.waitForURL(`${env.stack.url}/ru/search/?q=${encodeURIComponent('мёд')}`);
  // <noscript> holds elements only when scripting is off: the way back to browsing.
  expect(await page.locator('[data-testid="search-page"] a[href="/ru/categories/"]').count()).toBe(1);
  expect(refusals.get(page.context())).toEqual([]);
  await closeShopper(page);
}, 180_000);
