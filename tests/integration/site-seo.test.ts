import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { rateBook, rateFreshness, snapshotOf } from '../../functions/domain/exchange-rates.js';
import { VARIANT_WIDTHS } from '../../functions/domain/images.js';
import { convertMoney } from '../../functions/domain/money.js';
import { publicProduct } from '../../functions/http/catalogue-app.js';
import { ratesView } from '../../functions/usecases/exchange-rates.js';
import { buildSite } from '../../infra/site-build/build-site.js';
import { writeCatalogueSnapshot, type CatalogueSnapshot } from '../../infra/site-build/catalogue-snapshot.js';
import { SEED_PAVILIONS, seedProducts } from '../../infra/local/seed/index.js';

/**
 * The built site as search engines and link previews read it: the seed catalogue plus one listing
 * with two uploaded photos, built for a public origin, then read as files.
 */
const ORIGIN = 'https://shop.example.com';
const NOW = new Date('2026-03-02T08:00:00Z');
const PHOTO = '/media/products/kg-hny-001/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e.jpg';
const SECOND_PHOTO = '/media/products/kg-hny-001/9d2e1f00-1111-4222-8333-944455556666.png';

let dir: string;
let siteDir: string;
let products: Product[];
let book: ReturnType<typeof rateBook>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sco-site-seo-'));
  siteDir = join(dir, 'site');
  // The Kyrgyz white honey has two uploaded photos; everything else keeps its drawn art.
  products = seedProducts(NOW).map((product) => (product.id === 'kg-hny-001' ? { ...product, images: [PHOTO, SECOND_PHOTO] } : product));
  const rates = snapshotOf(await FileRateSource.bundledDefault().read(NOW), null, NOW.toISOString());
  book = rateBook(rates);
  const snapshot: CatalogueSnapshot = {
    generatedAt: NOW.toISOString(),
    pavilions: SEED_PAVILIONS.map((pavilion) => ({ ...pavilion, productCount: products.filter((p) => p.pavilion === pavilion.code).length })),
    products: products.map(publicProduct),
    rates: ratesView(rates, rateFreshness(rates, NOW)),
  };
  await writeCatalogueSnapshot(snapshot, join(dir, 'snapshot.json'));
  await buildSite({ snapshotPath: join(dir, 'snapshot.json'), outDir: siteDir, siteUrl: ORIGIN, quiet: true });
}, 300_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

const page = (path: string) => readFile(join(siteDir, path, 'index.html'), 'utf8');
/** The attributes of every tag `name` in the HTML, as maps. */
const tags = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map(([, attributes = '']) =>
    Object.fromEntries([...attributes.matchAll(/([a-z:-]+)(?:="([^"]*)")?/gi)].map(([, key = '', value = '']) => [key.toLowerCase(), value.replace(/&amp;/g, '&')])),
  );
const meta = (html: string, key: string) => tags(html, 'meta').find((m) => m.property === key || m.name === key)?.content;
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, body = '']) => JSON.parse(body));

describe('canonical and hreflang links', () => {
  it('are absolute from the public origin, with every language and x-default', async () => {
    const html = await page('zh/products/kg-hny-002');
    const links = tags(html, 'link');
    expect(links.find((l) => l.rel === 'canonical')?.href).toBe(`${ORIGIN}/zh/products/kg-hny-002/`);
    const alternates = Object.fromEntries(links.filter((l) => l.rel === 'alternate').map((l) => [l.hreflang, l.href]));
    expect(alternates).toEqual({
      'zh-CN': `${ORIGIN}/zh/products/kg-hny-002/`,
      ru: `${ORIGIN}/ru/products/kg-hny-002/`,
      en: `${ORIGIN}/en/products/kg-hny-002/`,
      'x-default': `${ORIGIN}/`,
    });
  });

  it('keep pages for one shopper out of search results', async () => {
    for (const path of ['zh/cart', 'ru/order', 'en/search']) expect(meta(await page(path), 'robots'), path).toBe('noindex');
    expect(meta(await page('zh/products/kg-hny-002'), 'robots')).toBeUndefined();
  });
});

describe('the sitemap and robots.txt', () => {
  it('lists every product page in its three languages, each with its hreflang alternates', async () => {
    const index = await readFile(join(siteDir, 'sitemap-index.xml'), 'utf8');
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc = '']) => loc);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part.startsWith(`${ORIGIN}/`)).toBe(true);
    const xml = (await Promise.all(parts.map((part) => readFile(join(siteDir, new URL(part).pathname), 'utf8')))).join('\n');
    const entries = new Map(
      [...xml.matchAll(/<url><loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)].map(([, loc = '', rest = '']) => [
        loc,
        Object.fromEntries([...rest.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang, href]) => [lang, href])),
      ]),
    );
    for (const product of products) {
      for (const lang of ['zh', 'ru', 'en']) {
        const url = `${ORIGIN}/${lang}/products/${product.id}/`;
        expect(entries.get(url), url).toEqual({
          'zh-CN': `${ORIGIN}/zh/products/${product.id}/`,
          ru: `${ORIGIN}/ru/products/${product.id}/`,
          en: `${ORIGIN}/en/products/${product.id}/`,
        });
      }
    }
    expect(entries.has(`${ORIGIN}/ru/pavilions/kg/`)).toBe(true);
    expect(entries.has(`${ORIGIN}/en/categories/honey/`)).toBe(true);
    // Nothing for one shopper, the workspace, the console or search results.
    for (const loc of entries.keys()) expect(loc).not.toMatch(/\/(cart|order|search|pavilion|operator)\/$|^https:\/\/shop\.example\.com\/$/);
  });

  it('robots.txt points at the sitemap and keeps crawlers off the API', async () => {
    const robots = await readFile(join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
  });
});

describe('Product structured data', () => {
  it('parses, and offers the product in yuan at the build’s rates, exactly as the domain converts, in stock', async () => {
    const product = products.find((p) => p.id === 'kg-hny-002')!;
    const [data, ...others] = jsonLd(await page('ru/products/kg-hny-002'));
    expect(others).toEqual([]);
    const yuan = convertMoney(product.price, 'CNY', book.rateFor(product.price.currency, 'CNY'));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.title.ru,
      sku: product.sku,
      url: `${ORIGIN}/ru/products/kg-hny-002/`,
      brand: { '@type': 'Brand', name: product.producer.ru },
      image: [`${ORIGIN}/media/products/kg-hny-002.png`],
      offers: {
        '@type': 'Offer',
        price: (yuan.amount / 100).toFixed(2),
        priceCurrency: 'CNY',
        availability: 'https://schema.org/InStock',
        url: `${ORIGIN}/ru/products/kg-hny-002/`,
      },
    });
    expect(product.stock).toBeGreaterThan(0);
    expect(product.price.currency).toBe('KGS');
  });

  it('says out of stock for goods China does not let in, and for goods with none left', async () => {
    expect(jsonLd(await page('zh/products/kg-frt-001'))[0].offers.availability).toBe('https://schema.org/OutOfStock');
    const soldOut = products.find((p) => p.stock === 0);
    if (soldOut) expect(jsonLd(await page(`en/products/${soldOut.id}`))[0].offers.availability).toBe('https://schema.org/OutOfStock');
  });

  it('lists every uploaded photo as its largest variant', async () => {
    const [data] = jsonLd(await page('en/products/kg-hny-001'));
    expect(data.image).toEqual([PHOTO, SECOND_PHOTO].map((url) => `${ORIGIN}${url.replace(/\.(jpg|png)$/, '-1280.webp')}`));
  });
});

describe('link previews (Open Graph, Twitter)', () => {
  it('give a product drawn as SVG its PNG twin, absolute, as a large card', async () => {
    const html = await page('zh/products/kg-hny-002');
    expect(meta(html, 'og:image')).toBe(`${ORIGIN}/media/products/kg-hny-002.png`);
    expect(meta(html, 'og:type')).toBe('product');
    expect(meta(html, 'og:url')).toBe(`${ORIGIN}/zh/products/kg-hny-002/`);
    expect(meta(html, 'og:locale')).toBe('zh_CN');
    expect(meta(html, 'og:image:alt')).toMatch(/\S/);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image')).toBe(`${ORIGIN}/media/products/kg-hny-002.png`);
  });

  it('give a product with photos its cover’s largest variant, and a pavilion its banner’s PNG twin', async () => {
    expect(meta(await page('zh/products/kg-hny-001'), 'og:image')).toBe(`${ORIGIN}${PHOTO.replace('.jpg', '-1280.webp')}`);
    expect(meta(await page('ru/pavilions/kg'), 'og:image')).toBe(`${ORIGIN}/media/pavilions/kg.png`);
  });
});

describe('images on the pages', () => {
  const srcsetOf = (url: string) => VARIANT_WIDTHS.map((w) => `${url.replace(/\.(jpg|png|webp)$/, `-${w}.webp`)} ${w}w`).join(', ');

  it('show the whole gallery on the product page: every photo with its variants, sizes, width and height, and a thumbnail link to each', async () => {
    const html = await page('en/products/kg-hny-001');
    const gallery = html.slice(html.indexOf('data-gallery'), html.indexOf('class="summary'));
    const photos = tags(gallery, 'img').filter((img) => img.class?.includes('photo'));
    expect(photos.map((img) => img.srcset)).toEqual([srcsetOf(PHOTO), srcsetOf(SECOND_PHOTO)]);
    for (const img of photos) {
      expect(img.src).toMatch(/-640\.webp$/);
      expect(img.sizes).toMatch(/\S/);
      expect([img.width, img.height]).toEqual(['800', '800']);
      expect(img.alt).toContain('Issyk-Kul');
    }
    expect(photos.map((img) => img.alt)).toEqual([expect.stringContaining('1'), expect.stringContaining('2')]);
    expect(tags(gallery, 'a').map((a) => a.href)).toEqual(['#photo-1', '#photo-2']);
    // The strip can be scrolled from the keyboard.
    expect(tags(gallery, 'ul')[0]).toMatchObject({ tabindex: '0' });
  });

  it('give cards of uploaded photos a srcset, and drawn art a plain src', async () => {
    const html = await page('zh/pavilions/kg');
    const cardImage = (id: string) => {
      const start = html.indexOf(`data-product-id="${id}"`);
      return tags(html.slice(start, html.indexOf('</article>', start)), 'img')[0]!;
    };
    const photo = cardImage('kg-hny-001');
    expect(photo).toMatchObject({ srcset: srcsetOf(PHOTO), width: '480', height: '480' });
    expect(photo.sizes).toMatch(/\S/);
    const drawn = cardImage('kg-hny-002');
    expect(drawn).toMatchObject({ src: '/media/products/kg-hny-002.svg', width: '480', height: '480' });
    expect(drawn).not.toHaveProperty('srcset');
    expect(drawn).not.toHaveProperty('sizes');
  });

  it('show a drawn product as its one vector picture on its page', async () => {
    const html = await page('ru/products/kg-hny-002');
    const gallery = html.slice(html.indexOf('data-gallery'), html.indexOf('class="summary'));
    const [only, ...none] = tags(gallery, 'img');
    expect(none).toEqual([]);
    expect(only).toMatchObject({ src: '/media/products/kg-hny-002.svg', width: '800', height: '800' });
    expect(only).not.toHaveProperty('srcset');
    expect(existsSync(join(siteDir, 'ru/products/kg-hny-002/index.html'))).toBe(true);
  });
});

/**
 * The JavaScript a page loads before anyone touches it: its module scripts (files and inline) and every
 * module they import statically, as Vite wrote them. `import("…")` is left out: it runs on use only
 * (the header's search box loads its suggestions and Pagefind on focus, features/search/search-box.ts).
 */
async function upFrontScripts(html: string): Promise<Map<string, string>> {
  const loaded = new Map<string, string>();
  const load = async (url: string): Promise<void> => {
    if (loaded.has(url)) return;
    const code = await readFile(join(siteDir, url), 'utf8');
    loaded.set(url, code);
    // Static imports and re-exports, minified: import{a as b}from"./x.js", import"./y.js", export{c}from"./z.js".
    for (const [, specifier = ''] of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{][^'"`;]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
      await load(specifier.startsWith('/') ? specifier : posix.join(posix.dirname(url), specifier));
    }
  };
  for (const script of tags(html, 'script')) {
    if (script.src) await load(script.src);
  }
  for (const link of tags(html, 'link')) {
    if (link.rel === 'modulepreload') await load(link.href!);
  }
  // Inline scripts (none in this build: Vite writes them to /_astro/), counted by their text; data blocks are not code.
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(attributes) && !/type="application\/(ld\+)?json"/.test(attributes) && body.trim()) loaded.set(`inline:${loaded.size}`, body);
  }
  return loaded;
}

const gzipped = (code: string) => gzipSync(code).length;

describe('JavaScript on the product page', () => {
  const BUDGET = 15 * 1024;
  const PRODUCT_PAGES = ['zh/products/kg-hny-001', 'ru/products/kg-hny-001', 'en/products/kg-frt-001', 'zh/products/kg-hny-002'];

  it('stays within 15 KB gzipped, every module it loads up front counted', async () => {
    for (const path of PRODUCT_PAGES) {
      const scripts = await upFrontScripts(await page(path));
      // The page is live (price, stock, cart, currency, gallery): the count is of real modules, not of none.
      expect(scripts.size, path).toBeGreaterThan(3);
      const total = [...scripts.values()].reduce((sum, code) => sum + gzipped(code), 0);
      expect(total, `${path}: ${[...scripts].map(([url, code]) => `${url} ${gzipped(code)}`).join(', ')}`).toBeLessThanOrEqual(BUDGET);
    }
  });

  it('loads none of the search code until the search box is used: Pagefind and the suggestions come by import() on focus', async () => {
    const scripts = await upFrontScripts(await page('zh/products/kg-hny-001'));
    for (const [url, code] of scripts) expect(code, url).not.toContain('/pagefind/');
    // The search code is in the build, behind a dynamic import the search box makes.
    const astro = join(siteDir, '_astro');
    const chunks = await Promise.all((await readdir(astro)).filter((name) => name.endsWith('.js')).map(async (name) => ({ url: `/_astro/${name}`, code: await readFile(join(astro, name), 'utf8') })));
    const pagefindLoaders = chunks.filter((chunk) => chunk.code.includes('/pagefind/pagefind.js'));
    expect(pagefindLoaders.length).toBeGreaterThan(0);
    for (const chunk of pagefindLoaders) expect(scripts.has(chunk.url), chunk.url).toBe(false);
    const searchBox = [...scripts].find(([, code]) => /import\(["'][^"']*suggest[^"']*\.js["']\)/.test(code));
    expect(searchBox, 'the search box’s script, with its import() of the suggestions').toBeDefined();
  });
});

describe('listings', () => {
  it('open on the newest products of every pavilion, not on one country: a category page lists them newest first', async () => {
    const html = await page('zh/categories/honey');
    const shown = [...html.matchAll(/data-testid="product-card"[^>]*data-product-id="([^"]+)"/g)].map(([, id = '']) => id);
    const newest = products
      .filter((product) => product.category === 'honey')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
      .map((product) => product.id);
    expect(shown).toEqual(newest.slice(0, 24));
    expect(new Set(shown.map((id) => id.slice(0, 2))).size).toBeGreaterThan(1);
  });
});

describe('search, served as static files', () => {
  it('has one Pagefind index per page language, each holding every product page', async () => {
    const entry = JSON.parse(await readFile(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ru', 'zh-cn']);
    for (const [language, index] of Object.entries(entry.languages)) expect(index.page_count, language).toBe(products.length);
    expect(existsSync(join(siteDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('puts the search box in the header of every storefront page: a GET form to the search page of its language', async () => {
    const storefront = (await readdir(siteDir, { recursive: true }))
      .filter((path) => path.endsWith('index.html') && /^(zh|ru|en)\//.test(path) && !/^(zh|ru|en)\/search\//.test(path))
      .sort();
    expect(storefront.length).toBeGreaterThan(products.length * 3);
    for (const path of storefront) {
      const html = await readFile(join(siteDir, path), 'utf8');
      const header = html.slice(html.indexOf('<header class="site-header'), html.indexOf('</header>', html.indexOf('<header class="site-header')));
      const [form] = tags(header, 'form').filter((f) => 'data-search-box' in f);
      expect(form, path).toMatchObject({ action: `/${path.slice(0, 2)}/search/`, method: 'get', role: 'search' });
      expect(tags(header, 'input').some((input) => input.name === 'q' && input.type === 'search'), path).toBe(true);
    }
  });
});
