import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { DEFAULT_RATES_FILE, FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import { seedRatesIfStale } from '../../functions/usecases/exchange-rates.js';
import { SEED_PAVILIONS, seedProducts, syntheticProducts } from '../../infra/local/seed/index.js';
import { buildSite, type SiteBuildTimes } from '../../infra/site-build/build-site.js';
import { readCatalogueSnapshot, writeCatalogueSnapshot, type CatalogueSnapshot } from '../../infra/site-build/catalogue-snapshot.js';

/**
 * The site at a given catalogue size, shared by `npm run bench:site` (site.ts) and `npm run bench`
 * (run.ts): a table loaded with the seed plus synthetic products, the snapshot and the build exactly
 * as `npm run build:site` makes them, what it left on disk, and a static server that sends each file
 * as CloudFront would (gzip where CloudFront compresses) so Chromium can weigh pages.
 */

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

export interface SiteFile {
  readonly path: string;
  readonly size: number;
}

export function walk(dir: string): SiteFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, size: statSync(path).size };
    });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};
/** What CloudFront compresses (its list of types includes these); Pagefind's own files are gzipped already. */
const COMPRESSED = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

/**
 * A URL path of the built site or the media folder as CloudFront serves it: its file (directory
 * indexes resolved) and the bytes it sends, gzipped where CloudFront compresses. Null if none.
 */
export function served(siteDir: string, mediaDir: string, urlPath: string): { file: string; type: string; body: Buffer } | null {
  let path = decodeURIComponent(urlPath);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(path.startsWith('/media/') ? join(mediaDir, path.slice('/media/'.length)) : join(siteDir, path));
  if (!file.startsWith(resolve(siteDir) + sep) && !file.startsWith(resolve(mediaDir) + sep)) return null;
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return null;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  return { file, type, body: COMPRESSED.test(type) ? gzipSync(raw) : raw };
}

export function serve(siteDir: string, mediaDir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const found = served(siteDir, mediaDir, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    const gzip = COMPRESSED.test(found.type);
    response.writeHead(200, { 'content-type': found.type, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    response.end(found.body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

export interface Transfer {
  readonly path: string;
  readonly bytes: number;
}

/**
 * Every file a page fetches, its workers' fetches included (Pagefind searches in a worker), with the
 * bytes the server sends for it (served(): gzip where CloudFront compresses, headers aside).
 */
export function recordTransfers(page: Page, bytesOf: (path: string) => number): Transfer[] {
  const list: Transfer[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    list.push({ path, bytes: bytesOf(path) });
  });
  return list;
}

export const sum = (list: readonly Transfer[]) => list.reduce((total, entry) => total + entry.bytes, 0);

export interface BuiltSite {
  readonly siteDir: string;
  readonly snapshot: CatalogueSnapshot;
  readonly snapshotMs: number;
  readonly times: SiteBuildTimes;
  readonly files: readonly SiteFile[];
  /** The search index proper (entry, metadata, index chunks, filters, fragments), per language. */
  readonly indexBytesByLanguage: Readonly<Record<string, number>>;
  /** Everything under /pagefind/: the index and Pagefind's code. */
  readonly pagefindFiles: readonly SiteFile[];
}

/** Loads a table of `count` products (the seed's plus synthetic ones) and builds the site from it into `work`/site. */
export async function buildSiteAt(count: number, dynamoEndpoint: string, work: string): Promise<BuiltSite> {
  const { raw, doc } = createDynamoClients({ endpoint: dynamoEndpoint, region: 'local' });
  try {
    const table = `bench-site-${count}-${Date.now()}`;
    await ensureTable(raw, table);
    const catalogue = new DynamoCatalogueStore(doc, table);
    for (const pavilion of SEED_PAVILIONS) await catalogue.putPavilion(pavilion);
    const seeded = seedProducts(new Date());
    await catalogue.putProducts(seeded);
    await catalogue.putProducts(syntheticProducts(Math.max(0, count - seeded.length), SEED_PAVILIONS, new Date()));
    const rateStore = new DynamoRateStore(doc, table);
    await seedRatesIfStale({ rateStore, clock: { now: () => new Date() }, file: FileRateSource.fromPath(join(ROOT, DEFAULT_RATES_FILE), DEFAULT_RATES_FILE) });
    const snapshotPath = join(work, 'snapshot.json');
    const snapshotStart = performance.now();
    const snapshot = await readCatalogueSnapshot(catalogue, new Date(), rateStore);
    await writeCatalogueSnapshot(snapshot, snapshotPath);
    const snapshotMs = performance.now() - snapshotStart;

    const siteDir = join(work, 'site');
    const times = await buildSite({ snapshotPath, outDir: siteDir, quiet: true });
    const files = walk(siteDir);
    const pagefindDir = join(siteDir, 'pagefind');
    const pagefindFiles = files.filter((file) => file.path.startsWith(pagefindDir + sep));
    const indexFiles = pagefindFiles.filter((file) => /\.(pf_meta|pf_index|pf_filter|pf_fragment)$|pagefind-entry\.json$/.test(file.path));
    const indexBytesByLanguage: Record<string, number> = {};
    for (const file of indexFiles) {
      const name = relative(pagefindDir, file.path).split(sep).at(-1)!;
      const lang = /^(?:pagefind\.)?([a-z]{2}(?:-[a-z]{2})?)_/.exec(name)?.[1] ?? 'shared';
      indexBytesByLanguage[lang] = (indexBytesByLanguage[lang] ?? 0) + file.size;
    }
    return { siteDir, snapshot, snapshotMs, times, files, indexBytesByLanguage, pagefindFiles };
  } finally {
    raw.destroy();
  }
}
