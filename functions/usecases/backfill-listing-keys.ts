import type { PavilionCode } from '../domain/pavilion.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { ListingKeyStore } from '../ports/listing-keys.js';

export interface BackfillDeps {
  readonly catalogue: Pick<CatalogueStore, 'listPavilions'>;
  readonly listingKeys: ListingKeyStore;
}

export interface BackfillTally {
  readonly pavilions: number;
  /** Products read, and given their listing entries. */
  readonly checked: number;
  readonly updated: number;
  /** Paid order lines read, and given their entry in the queue of their fulfilment. */
  readonly linesChecked: number;
  readonly linesUpdated: number;
}

type PavilionTally = Omit<BackfillTally, 'pavilions'>;
type RefreshPage = ListingKeyStore['refreshListingKeys'];

/**
 * Gives every product the listing index entries it should carry, and every paid order line the
 * entry of its pavilion's queue by fulfilment (a new index or entry after a deploy:
 * infra/ops/backfill-listing-keys.ts), pavilion by pavilion, page by page. Running it again finds
 * nothing to write. An operator tool, never a request path.
 */
export async function backfillListingKeys(
  deps: BackfillDeps,
  onPavilion: (code: PavilionCode, tally: PavilionTally) => void = () => undefined,
): Promise<BackfillTally> {
  const total = { checked: 0, updated: 0, linesChecked: 0, linesUpdated: 0 };
  const pavilions = await deps.catalogue.listPavilions();
  for (const { code } of pavilions) {
    const products = await everyPage(code, (pavilion, cursor) => deps.listingKeys.refreshListingKeys(pavilion, cursor));
    const lines = await everyPage(code, (pavilion, cursor) => deps.listingKeys.refreshQueueKeys(pavilion, cursor));
    const tally = { checked: products.checked, updated: products.updated, linesChecked: lines.checked, linesUpdated: lines.updated };
    onPavilion(code, tally);
    for (const name of Object.keys(total) as (keyof PavilionTally)[]) total[name] += tally[name];
  }
  return { pavilions: pavilions.length, ...total };
}

async function everyPage(code: PavilionCode, refresh: RefreshPage): Promise<{ checked: number; updated: number }> {
  const tally = { checked: 0, updated: 0 };
  let cursor: string | undefined;
  do {
    const page = await refresh(code, cursor);
    tally.checked += page.checked;
    tally.updated += page.updated;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return tally;
}
