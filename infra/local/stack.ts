import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdtempSync, existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { createApi } from '../../functions/http/api.js';
import { buildSite } from '../site-build/build-site.js';
import { readCatalogueSnapshot, writeCatalogueSnapshot } from '../site-build/catalogue-snapshot.js';
import { startDynamoLocal } from './dynamodb-local.js';
import { SEED_PAVILIONS, seedCatalogue, seedProducts, writeSeedMedia } from './seed/index.js';
import { debounce } from './debounce.js';

export interface LocalStackOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Persistent data (DynamoDB files, media, keys). Without it everything lives in a temp folder and memory. */
  readonly dataDir?: string;
  /** Where the built site goes. */
  readonly siteDir?: string;
  readonly log?: (message: string) => void;
}

export interface LocalStack {
  readonly url: string;
  readonly tableName: string;
  readonly dynamoEndpoint: string;
  /** Rebuilds the static site from the table now (the debounced one runs after listing changes). */
  rebuildSite(): Promise<void>;
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'sco-bazaar';
const LOCAL_REGION = 'local';

/** The embedded default: DynamoDB Local, the seeded table, the built site and the API on one port. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'sco-bazaar-'));
  const siteDir = resolve(options.siteDir ?? join(dataDir, 'site'));
  const mediaDir = join(dataDir, 'media');
  const stops: Array<() => Promise<void>> = [];
  if (!options.dataDir) stops.push(() => rm(dataDir, { recursive: true, force: true }));
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };

  try {
    log('Starting DynamoDB Local…');
    const dynamo = await startDynamoLocal(options.dataDir ? { dbPath: join(dataDir, 'dynamodb') } : {});
    stops.push(() => dynamo.stop());
    const { raw, doc } = createDynamoClients({ endpoint: dynamo.endpoint, region: LOCAL_REGION });
    stops.push(async () => raw.destroy());
    await ensureTable(raw, LOCAL_TABLE_NAME);
    // Lets `npm run build:site` find this store's table while it runs.
    if (options.dataDir) {
      await writeFile(join(dataDir, 'dynamodb-endpoint'), dynamo.endpoint);
      stops.push(() => rm(join(dataDir, 'dynamodb-endpoint'), { force: true }));
    }
    const catalogue = new DynamoCatalogueStore(doc, LOCAL_TABLE_NAME);

    if ((await catalogue.listPavilions()).length === 0) {
      log('Seeding the catalogue…');
      await seedCatalogue(catalogue, new Date());
    }
    if (!existsSync(join(mediaDir, 'products'))) await writeSeedMedia(mediaDir, SEED_PAVILIONS, seedProducts(new Date()));

    const snapshotPath = join(dataDir, 'catalogue-snapshot.json');
    const rebuildSite = async () => {
      await writeCatalogueSnapshot(await readCatalogueSnapshot(catalogue), snapshotPath);
      await buildSite({ snapshotPath, outDir: siteDir, quiet: true });
    };
    log('Building the site…');
    await rebuildSite();
    const scheduleRebuild = debounce(() => {
      rebuildSite().then(
        () => log('Site rebuilt after a catalogue change.'),
        (error: Error) => log(`Site rebuild failed: ${error.message}`),
      );
    }, 2000);

    const api = createApi({ catalogue, onCatalogueChange: () => scheduleRebuild() } as Parameters<typeof createApi>[0]);
    const app = new Hono();
    app.route('/', api);
    const { createStaticApp } = await import('./static-files.js');
    app.route('/', createStaticApp({ siteDir, mediaDir }));

    const server = await listen(app, options.port);
    stops.push(() => new Promise<void>((done) => server.close(() => done())));
    stops.push(async () => scheduleRebuild.cancel());
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    return { url: `http://localhost:${port}`, tableName: LOCAL_TABLE_NAME, dynamoEndpoint: dynamo.endpoint, rebuildSite, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listen(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '0.0.0.0' }, () => resolvePromise(server));
    server.once('error', reject);
  });
}
