import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { publicProduct } from '../../functions/http/catalogue-app.js';
import type { CatalogueStore, PavilionSummary } from '../../functions/ports/catalogue-store.js';
import type { RateStore } from '../../functions/ports/rate-store.js';
import { ratesToShow, type RatesView } from '../../functions/usecases/exchange-rates.js';

export type PublicProduct = ReturnType<typeof publicProduct>;

/**
 * What the static site is built from: the catalogue as the table holds it at publish time.
 * The Astro pages read this file (env CATALOGUE_SNAPSHOT), so a build needs no AWS access of its own.
 */
export interface CatalogueSnapshot {
  readonly generatedAt: string;
  readonly pavilions: readonly PavilionSummary[];
  readonly products: readonly PublicProduct[];
  /**
   * The exchange rates stored at build time, as GET /api/rates answers them (null when none were
   * loaded): what static pages convert prices with; the live page corrects them with the current ones.
   */
  readonly rates?: RatesView | null;
}

export async function readCatalogueSnapshot(store: CatalogueStore, now = new Date(), rates?: RateStore): Promise<CatalogueSnapshot> {
  const pavilions = await store.listPavilions();
  const products: PublicProduct[] = [];
  for await (const product of store.allActiveProducts()) products.push(publicProduct(product));
  return { generatedAt: now.toISOString(), pavilions, products, ...(rates ? { rates: await storedRates(rates, now) } : {}) };
}

async function storedRates(rateStore: RateStore, now: Date): Promise<RatesView | null> {
  return (await rateStore.current()) ? ratesToShow({ rateStore, clock: { now: () => now } }) : null;
}

export async function writeCatalogueSnapshot(snapshot: CatalogueSnapshot, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(snapshot));
}
