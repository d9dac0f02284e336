import type { PavilionCode } from '../domain/pavilion.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { ListingKeyStore } from '../ports/listing-keys.js';

export interface BackfillDeps {
  readonly catalogue: Pick<CatalogueStore, 'listPavilions'>;
  readonly listingKeys: ListingKeyStore;
}

export interface BackfillTally {
  readonly pavilions: number;
  readonly checked: number;
  readonly updated: number;
}

/**
 * Gives every product the listing index entries it should carry (a new index after a deploy:
 * infra/ops/backfill-listing-keys.ts), pavilion by pavilion, page by page. Running it again finds
 * nothing to write. An operator tool, never a request path.
 */
export async function backfillListingKeys(
  deps: BackfillDeps,
  onPavilion: (code: PavilionCode, tally: { checked: number; updated: number }) => void = () => undefined,
): Promise<BackfillTally> {
  let checked = 0;
  let updated = 0;
  const pavilions = await deps.catalogue.listPavilions();
  for (const { code } of pavilions) {
    const tally = { checked: 0, updated: 0 };
    let cursor: string | undefined;
    do {
      const page = await deps.listingKeys.refreshListingKeys(code, cursor);
      tally.checked += page.checked;
      tally.updated += page.updated;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    onPavilion(code, tally);
    checked += tally.checked;
    updated += tally.updated;
  }
  return { pavilions: pavilions.length, checked, updated };
}
