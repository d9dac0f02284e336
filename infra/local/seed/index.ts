import type { CatalogueStore } from '../../../functions/ports/catalogue-store.js';
import { SEED_PAVILIONS } from './pavilions.js';
import { seedProducts } from './products.js';
import { syntheticProducts } from './synthetic.js';

export { SEED_PAVILIONS } from './pavilions.js';
export { seedProducts } from './products.js';
export { syntheticProducts } from './synthetic.js';
export { categoryArt, pavilionArt, productArt, writeSeedMedia } from './product-art.js';

export interface SeedOptions {
  /** Adds this many synthetic listings after the hand-written ones (scale runs). */
  readonly synthetic?: number;
}

/** Puts the pavilions first (putProducts recounts each pavilion's products, so the pavilion must exist), then the products. */
export async function seedCatalogue(store: CatalogueStore, now: Date, options: SeedOptions = {}): Promise<void> {
  for (const pavilion of SEED_PAVILIONS) await store.putPavilion(pavilion);
  await store.putProducts(seedProducts(now));
  if (options.synthetic) await store.putProducts(syntheticProducts(options.synthetic, SEED_PAVILIONS, now));
}
