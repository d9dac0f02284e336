import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { publicProduct } from '../../functions/http/catalogue-app.js';
import type { CatalogueStore, PavilionSummary } from '../../functions/ports/catalogue-store.js';

export type PublicProduct = ReturnType<typeof publicProduct>;

/**
 * What the static site is built from: the catalogue as the table holds it at publish time.
 * The Astro pages read this file (env CATALOGUE_SNAPSHOT), so a build needs no AWS access of its own.
 */
export interface CatalogueSnapshot {
  readonly generatedAt: string;
  readonly pavilions: readonly PavilionSummary[];
  readonly products: readonly PublicProduct[];
}

export async function readCatalogueSnapshot(store: CatalogueStore, now = new Date()): Promise<CatalogueSnapshot> {
  const pavilions = await store.listPavilions();
  const products: PublicProduct[] = [];
  for await (const product of store.allActiveProducts()) products.push(publicProduct(product));
  return { generatedAt: now.toISOString(), pavilions, products };
}

export async function writeCatalogueSnapshot(snapshot: CatalogueSnapshot, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(snapshot));
}
