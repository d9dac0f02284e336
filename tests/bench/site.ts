import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDynamoLocal } from '../../infra/local/dynamodb-local.js';
import { SEED_PAVILIONS, seedProducts, writeSeedMedia } from '../../infra/local/seed/index.js';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { buildSiteAt, recordTransfers, serve, served, sum } from './site-measure.js';

/**
 * `npm run bench:site`: the site build and search at expo scale, run by hand (minutes, not part of
 * `npm test`). For each catalogue size (BENCH_SITE_PRODUCTS, default "1000,10000": the seed's
 * products plus synthetic ones) it loads a table in DynamoDB Local, takes the snapshot and builds the
 * site into a temp folder exactly as `npm run build:site` does (astro build, then the Pagefind index),
 * and reports:
 * - build time (astro, search index) and the site's size on disk;
 * - the Pagefind index on disk, per language;
 * - page weight (bytes over the wire, gzip as CloudFront compresses) of a product, a category and
 *   the search page, measured in Chromium;
 * - the bytes one search fetches from /pagefind/ (cold cache), on the search page and from the
 *   header's box.
 * The README's "Search" section quotes its output.
 */
const sizes = (process.env.BENCH_SITE_PRODUCTS ?? '1000,10000').split(',').map(Number);
const keep = process.env.BENCH_SITE_KEEP === '1';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function measure(count: number, dynamoEndpoint: string, mediaDir: string) {
  const work = mkdtempSync(join(tmpdir(), `sco-bench-site-${count}-`));
  try {
    const { siteDir, snapshot, snapshotMs, times, files, indexBytesByLanguage: byLanguage, pagefindFiles: pagefind } = await buildSiteAt(count, dynamoEndpoint, work);
    const { url, server } = await serve(siteDir, mediaDir);
    const bytesOf = (path: string) => served(siteDir, mediaDir, path)?.body.length ?? 0;
    const browser = await launchBrowser();
    try {
      const product = snapshot.products.find((item) => item.id === 'kg-hny-001')!;
      const weigh = async (path: string, ready?: (page: Page) => Promise<unknown>) => {
        const page = await browser.newPage({ locale: 'zh-CN' });
        const list = recordTransfers(page, bytesOf);
        await page.goto(`${url}${path}`, { waitUntil: 'load' });
        if (ready) await ready(page);
        await page.waitForTimeout(500);
        await page.close();
        const kind = (pattern: RegExp) => sum(list.filter((entry) => pattern.test(entry.path)));
        return {
          total: sum(list),
          html: kind(/(\/|\.html)$/),
          js: kind(/\.m?js$/),
          css: kind(/\.css$/),
          images: kind(/\.(svg|png|webp|jpg)$/),
          pagefind: kind(/^\/pagefind\//),
          // Of which: Pagefind's code and WebAssembly (once per visit), the language's metadata (once),
          // the filter index (once, for the facets' counts), the query's index chunks and the results' fragments.
          pagefindCode: kind(/^\/pagefind\/.*\.(js|pagefind)$/),
          pagefindMeta: kind(/\.pf_meta$/),
          pagefindFilters: kind(/\.pf_filter$/),
          pagefindIndex: kind(/\.pf_index$/),
          pagefindFragments: kind(/\.pf_fragment$/),
        };
      };
      // Searched, and the facets' counts shown (they come last).
      const whenSearched = (page: Page) =>
        page.waitForFunction(
          () =>
            /^(done|empty|idle)$/.test(document.querySelector<HTMLElement>('[data-search-form]')?.dataset.state ?? '') &&
            [...document.querySelectorAll('[data-count]')].every((count) => count.textContent !== ''),
          null,
          { timeout: 60_000 },
        );
      const pages = {
        [`product /zh/products/${product.id}/`]: await weigh(`/zh/products/${product.id}/`),
        'category /zh/categories/honey/': await weigh('/zh/categories/honey/'),
        'search page, empty /zh/search/': await weigh('/zh/search/', whenSearched),
        'search 蜂蜜 /zh/search/?q=蜂蜜': await weigh(`/zh/search/?q=${encodeURIComponent('蜂蜜')}`, whenSearched),
        'search honey /en/search/?q=honey': await weigh('/en/search/?q=honey', whenSearched),
        'search мёд /ru/search/?q=мёд': await weigh(`/ru/search/?q=${encodeURIComponent('мёд')}`, whenSearched),
      };

      // One query from the header's box on a page already open: only what the search itself fetches.
      const page = await browser.newPage({ locale: 'zh-CN' });
      const seen = recordTransfers(page, bytesOf);
      await page.goto(`${url}/zh/pavilions/`, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      const before = seen.length;
      await page.locator('[data-testid="site-search-input"]').focus();
      await page.locator('[data-testid="site-search-input"]').pressSequentially('蜂蜜');
      await page.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      const query = seen.slice(before);
      // A second query on the same page: Pagefind's code and WebAssembly are there already.
      const between = seen.length;
      await page.locator('[data-testid="site-search-input"]').fill('');
      await page.locator('[data-testid="site-search-input"]').pressSequentially('茶');
      await page.locator('[data-testid="suggestion"]', { hasText: '茶' }).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      const second = seen.slice(between);
      await page.close();
      // Once per visit: the suggestions' and Pagefind's code and its WebAssembly. Per query: the index's files.
      const code = query.filter((entry) => /\.(m?js|pagefind)$/.test(entry.path));
      const data = query.filter((entry) => entry.path.startsWith('/pagefind/') && !/\.(m?js|pagefind)$/.test(entry.path));
      const images = query.filter((entry) => entry.path.startsWith('/media/'));

      return {
        products: snapshot.products.length,
        snapshotSeconds: (snapshotMs / 1000).toFixed(1),
        astroSeconds: (times.astroMs / 1000).toFixed(1),
        searchIndexSeconds: (times.searchIndexMs / 1000).toFixed(1),
        searchRecords: times.searchRecords,
        htmlPages: files.filter((file) => file.path.endsWith('.html')).length,
        siteOnDisk: mb(sum(files.map((file) => ({ path: file.path, bytes: file.size })))),
        siteFiles: files.length,
        pagefindOnDisk: mb(pagefind.reduce((total, file) => total + file.size, 0)),
        pagefindFiles: pagefind.length,
        indexOnDisk: mb(Object.values(byLanguage).reduce((total, bytes) => total + bytes, 0)),
        indexByLanguage: Object.fromEntries(Object.entries(byLanguage).map(([lang, bytes]) => [lang, mb(bytes)])),
        pages: Object.fromEntries(Object.entries(pages).map(([name, weight]) => [name, Object.fromEntries(Object.entries(weight).map(([key, bytes]) => [key, kb(bytes)]))])),
        headerQuery: {
          requests: query.length,
          total: kb(sum(query)),
          codeAndWasm: kb(sum(code)),
          indexData: kb(sum(data)),
          images: kb(sum(images)),
          files: query.map((entry) => `${entry.path} ${kb(entry.bytes)}`),
        },
        secondHeaderQuery: {
          requests: second.length,
          indexData: kb(sum(second.filter((entry) => entry.path.startsWith('/pagefind/')))),
          images: kb(sum(second.filter((entry) => entry.path.startsWith('/media/')))),
          files: second.map((entry) => `${entry.path} ${kb(entry.bytes)}`),
        },
      };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    if (keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** The 1-minute load average: timings mean little on a machine that was busy with something else. */
const load = () => loadavg()[0]!.toFixed(1);

const dynamo = await startDynamoLocal();
const media = mkdtempSync(join(tmpdir(), 'sco-bench-media-'));
try {
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}, ${process.platform}`,
    }),
  );
  await writeSeedMedia(media, SEED_PAVILIONS, seedProducts(new Date()));
  for (const count of sizes) {
    const started = performance.now();
    const loadBefore = load();
    const result = await measure(count, dynamo.endpoint, media);
    console.log(JSON.stringify({ ...result, wallSeconds: ((performance.now() - started) / 1000).toFixed(0), loadAverage: `${loadBefore} → ${load()}` }, null, 2));
  }
} finally {
  await dynamo.stop();
  rmSync(media, { recursive: true, force: true });
}
