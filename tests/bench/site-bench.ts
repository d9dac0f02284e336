import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchBrowser } from '../support/browser.js';
import { kb, mb, seconds, table } from './report.js';
import { buildSiteAt, recordTransfers, serve, served, sum } from './site-measure.js';

/** Build time and weight of the static site at each catalogue size, and the JavaScript each page type loads. */

/** One page of each type, in Chinese (the shoppers' language); product kg-hny-001 and category honey are in the seed. */
export const PAGE_TYPES: ReadonlyArray<{ type: string; path: string }> = [
  { type: 'home', path: '/zh/' },
  { type: 'pavilion', path: '/zh/pavilions/kg/' },
  { type: 'category', path: '/zh/categories/honey/' },
  { type: 'product', path: '/zh/products/kg-hny-001/' },
  { type: 'search', path: '/zh/search/' },
  { type: 'cart', path: '/zh/cart/' },
];

export interface SiteSize {
  readonly products: number;
  readonly snapshotMs: number;
  readonly astroMs: number;
  readonly searchIndexMs: number;
  readonly htmlPages: number;
  readonly siteBytes: number;
  readonly siteFiles: number;
  readonly indexBytes: number;
  readonly indexByLanguage: Readonly<Record<string, number>>;
  /** Page type → gzipped bytes of JavaScript fetched by the time the page has loaded (and half a second after). */
  readonly jsByPageType: Readonly<Record<string, number>>;
}

export async function measureSite(sizes: readonly number[], dynamoEndpoint: string, log: (line: string) => void): Promise<SiteSize[]> {
  const results: SiteSize[] = [];
  for (const count of sizes) {
    const work = mkdtempSync(join(tmpdir(), `sco-bench-site-${count}-`));
    // Images are left out (an empty media folder): only the pages' own code is weighed here.
    const media = join(work, 'no-media');
    try {
      const started = performance.now();
      const site = await buildSiteAt(count, dynamoEndpoint, work);
      log(`site ${count}: built in ${seconds(performance.now() - started)}`);
      const { url, server } = await serve(site.siteDir, media);
      const browser = await launchBrowser();
      const jsByPageType: Record<string, number> = {};
      try {
        for (const { type, path } of PAGE_TYPES) {
          const page = await browser.newPage({ locale: 'zh-CN' });
          const transfers = recordTransfers(page, (urlPath) => served(site.siteDir, media, urlPath)?.body.length ?? 0);
          const response = await page.goto(`${url}${path}`, { waitUntil: 'load' });
          if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
          await page.waitForTimeout(500);
          await page.close();
          jsByPageType[type] = sum(transfers.filter((entry) => /\.m?js$/.test(entry.path)));
        }
      } finally {
        await browser.close();
        server.close();
      }
      results.push({
        products: site.snapshot.products.length,
        snapshotMs: site.snapshotMs,
        astroMs: site.times.astroMs,
        searchIndexMs: site.times.searchIndexMs,
        htmlPages: site.files.filter((file) => file.path.endsWith('.html')).length,
        siteBytes: site.files.reduce((total, file) => total + file.size, 0),
        siteFiles: site.files.length,
        indexBytes: Object.values(site.indexBytesByLanguage).reduce((total, bytes) => total + bytes, 0),
        indexByLanguage: site.indexBytesByLanguage,
        jsByPageType,
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return results;
}

export function siteSection(sizes: readonly SiteSize[]): string {
  const head = ['', ...sizes.map((size) => `${size.products.toLocaleString('en')} products`)];
  const row = (label: string, value: (size: SiteSize) => string) => [label, ...sizes.map(value)];
  const build = table(head, [
    row('catalogue snapshot from the table', (size) => seconds(size.snapshotMs)),
    row('astro build', (size) => seconds(size.astroMs)),
    row('search index (Pagefind)', (size) => seconds(size.searchIndexMs)),
    row('pages built (HTML, three languages)', (size) => size.htmlPages.toLocaleString('en')),
    row('site on disk (pages, assets, search)', (size) => `${mb(size.siteBytes)} in ${size.siteFiles.toLocaleString('en')} files`),
    row('search index on disk', (size) => `${mb(size.indexBytes)} (${Object.entries(size.indexByLanguage).map(([lang, bytes]) => `${lang} ${mb(bytes)}`).join(', ')})`),
  ]);
  const js = table(
    ['page type', 'path', ...sizes.map((size) => `JS gzipped, ${size.products.toLocaleString('en')} products`)],
    PAGE_TYPES.map(({ type, path }) => [type, `\`${path}\``, ...sizes.map((size) => kb(size.jsByPageType[type] ?? Number.NaN))]),
  );
  return [
    '## Site: build and weight',
    '',
    'The site built as `npm run build:site` builds it (catalogue snapshot, `astro build`, Pagefind) from a table of the seed\'s ' +
      'products plus synthetic ones, timed on this machine (tests/bench/site-measure.ts).',
    '',
    build,
    '',
    'JavaScript each page type fetches in Chromium by the time it has loaded, gzipped as CloudFront sends it (cold cache). ' +
      '`npm run bench:site` weighs pages and searches in more detail.',
    '',
    js,
  ].join('\n');
}
