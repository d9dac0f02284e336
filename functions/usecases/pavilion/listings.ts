import type { Product, ProductStatus } from '../../domain/catalogue.js';
import { listingRuleIssues, newListing, type ListingContent } from '../../domain/listing.js';
import type { ProductPage } from '../../ports/catalogue-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import { nowIso, type PavilionDeps } from './deps.js';
import { ownListing, ownPavilion } from './ownership.js';
import { guarded, PavilionRefusedError } from './refusal.js';

type ListingDeps = Pick<PavilionDeps, 'catalogue' | 'listings' | 'onCatalogueChange' | 'clock'>;

/** The pavilion's own listings, every status unless one is asked, newest first. */
export function ownListings(deps: Pick<PavilionDeps, 'listings'>, manager: Manager, query: { status?: ProductStatus; limit: number; cursor?: string }): Promise<ProductPage> {
  return deps.listings.listOwn({ pavilion: manager.pavilion, ...query });
}

/** Opens a new listing in the manager's pavilion: its id comes from the SKU, its price in the pavilion's currency. */
export async function createListing(deps: ListingDeps, manager: Manager, listing: { sku: string; onHand: number; content: ListingContent }): Promise<Product> {
  const pavilion = await ownPavilion(deps, manager);
  const issues = listingRuleIssues(listing.content, pavilion);
  if (issues.length > 0) throw new PavilionRefusedError({ reason: 'invalid_listing', issues });
  const product = newListing(pavilion.code, listing.sku, listing.content, nowIso(deps), listing.onHand);
  await guarded(product.id, () => deps.listings.create(product));
  deps.onCatalogueChange?.(product.id);
  return product;
}

/** Edits a listing's content, only as the manager saw it (`version`); stock is changed apart (stock.ts). */
export async function editListing(deps: ListingDeps, manager: Manager, id: string, edit: { version: number; content: ListingContent }): Promise<Product> {
  await ownListing(deps, manager, id);
  const issues = listingRuleIssues(edit.content, await ownPavilion(deps, manager));
  if (issues.length > 0) throw new PavilionRefusedError({ reason: 'invalid_listing', issues });
  const product = await guarded(id, () => deps.listings.update(id, manager.pavilion, edit.version, edit.content, nowIso(deps)));
  deps.onCatalogueChange?.(id);
  return product;
}

/**
 * Archives a listing (off the site, kept) or restores it. The store reads the listing before its
 * conditional write and refuses a missing one, another pavilion's, or one already so; with a
 * version the change applies only to the listing as the manager saw it.
 */
export async function setListingStatus(deps: ListingDeps, manager: Manager, id: string, status: ProductStatus, version: number | undefined): Promise<Product> {
  const product = await guarded(id, () => deps.listings.setStatus(id, manager.pavilion, status, version, nowIso(deps)));
  deps.onCatalogueChange?.(id);
  return product;
}
