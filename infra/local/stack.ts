import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { DynamoListingKeyStore } from '../../functions/adapters/dynamodb/listing-key-store.js';
import { backfillListingKeys } from '../../functions/usecases/backfill-listing-keys.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { DEFAULT_RATES_FILE, FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import { readConfig } from '../../functions/config.js';
import { wireDeps } from '../../functions/handlers/wire.js';
import { createApi } from '../../functions/http/api.js';
import { notFound } from '../../functions/http/problem.js';
import { seedRatesIfStale } from '../../functions/usecases/exchange-rates.js';
import { lazyDeps } from '../../functions/usecases/lazy-deps.js';
import { resendUnsentRefunds } from '../../functions/usecases/refunds.js';
import { SHOP_DEPS, type ShopDeps } from '../../functions/usecases/shop-deps.js';
import { sweepExpiredOrders } from '../../functions/usecases/sweep-expired-orders.js';
import { buildSite } from '../site-build/build-site.js';
import { readCatalogueSnapshot, writeCatalogueSnapshot } from '../site-build/catalogue-snapshot.js';
import { observeCatalogueWrites, type PublishedChange } from './catalogue-changes.js';
import { debounce } from './debounce.js';
import { listen } from './http-server.js';
import { DYNAMO_LOCAL_EXPOSURE, startDynamoLocal } from './dynamodb-local.js';
import { SEED_PAVILIONS, seedCatalogue, seedProducts, writeSeedMedia } from './seed/index.js';
import { createStaticApp } from './static-files.js';
import { startLocalStripe } from './stripe/server.js';
import { createTokenIssuer } from './token-issuer/issuer.js';
import { DynamoOutboxStore } from '../../functions/adapters/dynamodb/outbox-store.js';
import { deliverDueMail, type DeliveryTally, type MailDeps } from '../../functions/usecases/deliver-mail.js';
import { LocalOutbox } from './outbox/local-outbox.js';
import { createOutboxApp } from './outbox/outbox-app.js';
import { seedOrderContact } from './seed/order-contacts.js';
import { LOCAL_AUDIENCE, localIssuerUrl, localKeyDir } from './token-issuer/local-auth.js';

export interface LocalStackOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /**
   * Interface to listen on. Loopback by default: the local token issuer signs anyone in as any
   * pavilion, so the store must not be reachable from the network unless asked (HOST=0.0.0.0).
   */
  readonly host?: string;
  /** Persistent data (DynamoDB files, media, keys). Without it everything lives in a temp folder and memory. */
  readonly dataDir?: string;
  /** Where the built site goes. */
  readonly siteDir?: string;
  readonly log?: (message: string) => void;
  /** false serves the API alone (tests that need no pages skip the site build). Default true. */
  readonly site?: boolean;
  /** How often unpaid reservations past their expiry are released (default every minute). */
  readonly sweepEveryMs?: number;
  /**
   * The exchange-rates file loaded on start (and again whenever the stored rates go stale); the
   * repository's functions/adapters/rates/default-rates.json by default (RATES_FILE for `npm start`).
   */
  readonly ratesFile?: string;
  /** How often the outbox is checked for mail due (default every 1.5 s; the stream does it at once in AWS). */
  readonly mailEveryMs?: number;
  /** How often the stored rates are checked for staleness (default every hour). */
  readonly ratesCheckEveryMs?: number;
}

export interface LocalStack {
  readonly url: string;
  readonly tableName: string;
  readonly dynamoEndpoint: string;
  readonly stripeUrl: string;
  /** Signs a token for a pavilion's demo manager, as the local sign-in page does. */
  signToken(pavilion: string): Promise<string>;
  /** Signs a token for the demo operator (the `operators` group), as the sign-in page's operator button does. */
  signOperatorToken(): Promise<string>;
  /** Rebuilds the static site from the table now (the debounced one runs after changes to what the pages show). */
  rebuildSite(): Promise<void>;
  /** Where the mail the store sent is shown (`/outbox/`; JSON at `/api/outbox`). */
  readonly outboxUrl: string;
  /** Sends the mail due now, as the timer does (tests call it instead of waiting). */
  deliverMail(): Promise<DeliveryTally>;
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'sco-bazaar';
const LOCAL_REGION = 'local';

/**
 * The embedded default: DynamoDB Local, the seeded table, the built site, a Stripe-compatible
 * checkout, a token issuer and the API on one port. The API is wired by the same `wireDeps`
 * the Lambda handlers use; only endpoints and keys differ.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'sco-bazaar-'));
  const siteDir = resolve(options.siteDir ?? join(dataDir, 'site'));
  const mediaDir = join(dataDir, 'media');
  const stops: Array<() => Promise<void>> = [];
  if (!options.dataDir) stops.push(() => rm(dataDir, { recursive: true, force: true }));
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };

  try {
    // Listen first: the public origin (and so Stripe's return URLs and the token issuer) needs the port.
    let handle: (request: Request) => Response | Promise<Response> = () => new Response('Starting…', { status: 503 });
    const server = await listen((request) => handle(request), options.port, options.host ?? '127.0.0.1');
    stops.push(() => new Promise<void>((done) => server.close(() => done())));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const origin = `http://localhost:${port}`;

    log('Starting DynamoDB Local…');
    const dynamo = await startDynamoLocal(options.dataDir ? { dbPath: join(dataDir, 'dynamodb') } : {});
    stops.push(() => dynamo.stop());
    log(DYNAMO_LOCAL_EXPOSURE.replace('%PORT%', new URL(dynamo.endpoint).port));
    const { raw, doc } = createDynamoClients({ endpoint: dynamo.endpoint, region: LOCAL_REGION });
    stops.push(async () => raw.destroy());
    const table = await ensureTable(raw, LOCAL_TABLE_NAME);
    // Lets `npm run build:site` find this store's table while it runs.
    if (options.dataDir) {
      await writeFile(join(dataDir, 'dynamodb-endpoint'), dynamo.endpoint);
      stops.push(() => rm(join(dataDir, 'dynamodb-endpoint'), { force: true }));
    }
    const catalogue = new DynamoCatalogueStore(doc, LOCAL_TABLE_NAME);
    // A kept store (DATA_DIR) may hold products from before a listing index, and paid lines from before
    // their queue by fulfilment: give them their entries (idempotent).
    if (table === 'existing') {
      const backfill = await backfillListingKeys({ catalogue, listingKeys: new DynamoListingKeyStore(doc, LOCAL_TABLE_NAME) });
      if (backfill.updated > 0) log(`Listing index entries written for ${backfill.updated} older products.`);
      if (backfill.linesUpdated > 0) log(`Queue index entries written for ${backfill.linesUpdated} older paid order lines.`);
    }
    if ((await catalogue.listPavilions()).length === 0) {
      log('Seeding the catalogue…');
      await seedCatalogue(catalogue, new Date());
    }
    // Drawn once; a media folder from before the drawings had PNG twins (for link previews) is drawn again.
    if (!existsSync(join(mediaDir, 'pavilions', `${SEED_PAVILIONS[0]!.code.toLowerCase()}.png`))) {
      await writeSeedMedia(mediaDir, SEED_PAVILIONS, seedProducts(new Date()));
    }

    // Exchange rates from the file, unless the stored ones are still fresh (`npm run rates` fetched the feed's):
    // they count as published when loaded, so a store started any day sells. AWS refreshes from the feed daily.
    const rateStore = new DynamoRateStore(doc, LOCAL_TABLE_NAME);
    const ratesFile = options.ratesFile ? FileRateSource.fromPath(resolve(options.ratesFile), options.ratesFile) : FileRateSource.fromPath(repoFile(DEFAULT_RATES_FILE), DEFAULT_RATES_FILE);
    const seedRates = async () => {
      const seeded = await seedRatesIfStale({ rateStore, clock: { now: () => new Date() }, file: ratesFile });
      if (seeded.loaded) log(`Exchange rates loaded from ${ratesFile.name} (npm run rates fetches the Bank of Russia's).`);
    };
    await seedRates();

    // Real Stripe test mode when .env has keys and no STRIPE_API_BASE; otherwise the local checkout.
    const useRealStripe = Boolean(process.env.STRIPE_SECRET_KEY && process.env.STRIPE_WEBHOOK_SECRET && !process.env.STRIPE_API_BASE);
    const webhookSecret = `whsec_local${randomBytes(16).toString('hex')}`;
    let stripeUrl = 'https://api.stripe.com';
    if (!useRealStripe) {
      const stripe = await startLocalStripe({ webhookUrl: `${origin}/api/webhooks/stripe`, webhookSecret });
      stops.push(() => stripe.stop());
      stripeUrl = stripe.url;
    }

    const issuer = await createTokenIssuer({
      keyDir: localKeyDir(dataDir),
      issuer: localIssuerUrl(origin),
      audience: LOCAL_AUDIENCE,
      pavilions: await catalogue.listPavilions(),
    });

    const config = readConfig({
      ...process.env,
      TABLE_NAME: LOCAL_TABLE_NAME,
      AWS_REGION: LOCAL_REGION,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      PUBLIC_BASE_URL: origin,
      ...(useRealStripe ? {} : { STRIPE_SECRET_KEY: 'sk_test_local', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: stripeUrl }),
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: LOCAL_AUDIENCE,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_SIGN_IN_URL: issuer.signInUrl,
      AUTH_SIGN_OUT_URL: issuer.signOutUrl,
      AUTH_OPERATOR_SIGN_IN_URL: issuer.operatorSignInUrl,
      AUTH_OPERATOR_SIGN_OUT_URL: issuer.operatorSignOutUrl,
      MEDIA_DIR: mediaDir,
      MEDIA_BASE_URL: '/media',
      // Stands in for the identity KMS key (wraps the data keys that seal buyers' ID numbers) and the
      // hash secret (derived apart); made on first start, kept with the data (delete .data/ and it goes too).
      IDENTITY_KEY_FILE: join(dataDir, 'keys', 'identity.key'),
    });
    const deps = wireDeps(config);

    const snapshotPath = join(dataDir, 'catalogue-snapshot.json');
    const builds = new AbortController();
    const running = new Set<Promise<void>>();
    // Stop the build, then wait for its clean-up, so no half-built folder outlives the store.
    stops.push(async () => {
      builds.abort();
      await Promise.allSettled(running);
    });
    // Astro empties its output folder first: build beside the live site and swap, so pages never 404 mid-rebuild.
    const rebuildSite = () => {
      const build = (async () => {
        await writeCatalogueSnapshot(await readCatalogueSnapshot(catalogue, new Date(), rateStore), snapshotPath);
        const next = `${siteDir}.next-${process.pid}-${Date.now()}`;
        try {
          await buildSite({ snapshotPath, outDir: next, siteUrl: origin, quiet: true, signal: builds.signal });
          await swapFolder(next, siteDir);
        } finally {
          await rm(next, { recursive: true, force: true });
        }
      })();
      running.add(build);
      return build.finally(() => running.delete(build));
    };
    const withSite = options.site ?? true;
    if (withSite) {
      log('Building the site…');
      await rebuildSite();
    }
    const scheduleRebuild = debounce(() => {
      if (!withSite) return;
      rebuildSite().then(
        () => log('Site rebuilt after a catalogue change.'),
        (error: Error) => log(`Site rebuild failed: ${error.message}`),
      );
    }, 2000);
    stops.push(async () => scheduleRebuild.cancel());
    // The same rule as the stream handler in AWS (functions/domain/publishing.ts): a stock count rebuilds nothing.
    if (!deps.listings) throw new Error('The local API was wired without its listing store');
    const published = observeCatalogueWrites({ listings: deps.listings, catalogue: deps.catalogue }, (change) => {
      log(`Pages changed (${describe(change)})${withSite ? ': the site will be rebuilt.' : '.'}`);
      scheduleRebuild();
    });

    // Stripe's expiry event may never come: release lapsed reservations on a timer, as the AWS schedule does.
    const sweep = setInterval(() => {
      const shop = lazyDeps<ShopDeps>(deps, SHOP_DEPS);
      sweepExpiredOrders(shop, new Date())
        .then(() => resendUnsentRefunds(shop, new Date()))
        .catch((error: Error) => log(`Sweep failed: ${error.message}`));
    }, options.sweepEveryMs ?? 60_000);
    stops.push(async () => clearInterval(sweep));
    // Stands in for the daily refresh in AWS: rates that went stale while the store ran are loaded from the file again.
    const rates = setInterval(() => {
      seedRates().catch((error: Error) => log(`Exchange rates not reloaded: ${error.message}`));
    }, options.ratesCheckEveryMs ?? 3_600_000);
    stops.push(async () => clearInterval(rates));

    // Mail: SES's local stand-in keeps every message (the outbox pages below), sent by the same use case as in AWS.
    const outboxStore = new DynamoOutboxStore(doc, LOCAL_TABLE_NAME);
    for (const pavilion of await catalogue.listPavilions()) {
      if (!(await outboxStore.getContact(pavilion.code))) await outboxStore.putContact(pavilion.code, seedOrderContact(pavilion.code));
    }
    const localOutbox = new LocalOutbox(join(dataDir, 'outbox', 'messages.jsonl'));
    const mailShop = lazyDeps<ShopDeps>(deps, SHOP_DEPS);
    const mailDeps: MailDeps = {
      outbox: outboxStore, contacts: outboxStore, orders: mailShop.orders, mailer: localOutbox,
      clock: mailShop.clock, telemetry: mailShop.telemetry, publicBaseUrl: origin,
    };
    let delivering: Promise<DeliveryTally> | null = null;
    // One run at a time from this process (other senders are safe anyway: records are claimed).
    const deliverMail = () => (delivering ??= deliverDueMail(mailDeps).finally(() => (delivering = null)));
    const mailTimer = setInterval(() => {
      deliverMail().catch((error: Error) => log(`Mail delivery failed: ${error.message}`));
    }, options.mailEveryMs ?? 1500);
    stops.push(async () => {
      clearInterval(mailTimer);
      await delivering?.catch(() => undefined);
    });

    const app = new Hono();
    app.route('/auth', issuer.app);
    app.route('/', createOutboxApp(localOutbox));
    // Operators' invitations reach the local issuer, which lists the new managers on its sign-in page.
    app.route('/', createApi({ ...deps, ...published, managers: issuer.managers }));
    const site = withSite ? createStaticApp({ siteDir, mediaDir }) : null;
    if (site) app.route('/', site);
    // route() takes the apps' routes but not their notFound: an unknown /api path answers the API's
    // problem+json (as the Lambda does), any other the site's 404 page (as CloudFront does).
    app.notFound((c) => (c.req.path.startsWith('/api/') ? notFound(c) : site ? site.fetch(c.req.raw) : c.text('404 Not Found', 404)));
    handle = (request) => app.fetch(request);

    return {
      url: origin,
      tableName: LOCAL_TABLE_NAME,
      dynamoEndpoint: dynamo.endpoint,
      stripeUrl,
      signToken: (pavilion) => issuer.signToken(pavilion),
      signOperatorToken: () => issuer.signOperatorToken(),
      rebuildSite,
      outboxUrl: `${origin}/outbox/`,
      deliverMail,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A file of the repository, wherever the process was started. */
function repoFile(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

function describe(change: PublishedChange): string {
  return 'product' in change ? `listing ${change.product}` : `pavilion ${change.pavilion}`;
}

/** Replaces `target` with `fresh` by two renames, so readers see the old site or the new one, never none. */
async function swapFolder(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${Date.now()}`;
  if (existsSync(target)) await rename(target, old);
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}
