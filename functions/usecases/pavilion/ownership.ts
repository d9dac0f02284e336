import type { Product } from '../../domain/catalogue.js';
import type { PavilionSummary } from '../../ports/catalogue-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import type { PavilionDeps } from './deps.js';
import { PavilionRefusedError } from './refusal.js';

/**
 * Pavilion isolation: a manager acts on their own pavilion only, and the pavilion comes from the
 * verified token (http/pavilion/auth.ts), never from the request. Every use case of the workspace
 * reads through these, or writes with the manager's pavilion as the store's condition.
 */

/** The manager's own pavilion (for its currency); a token for a pavilion that does not exist manages nothing. */
export async function ownPavilion(deps: Pick<PavilionDeps, 'catalogue'>, manager: Manager): Promise<PavilionSummary> {
  const pavilion = await deps.catalogue.getPavilion(manager.pavilion);
  if (!pavilion) throw new PavilionRefusedError({ reason: 'unknown_pavilion', pavilion: manager.pavilion });
  return pavilion;
}

/** A listing for its manager: refused as missing if there is none, as not theirs (and nothing of it shown) if it is another pavilion's. */
export async function ownListing(deps: Pick<PavilionDeps, 'listings'>, manager: Manager, id: string): Promise<Product> {
  const product = await deps.listings.get(id);
  if (!product) throw new PavilionRefusedError({ reason: 'no_such_listing', id });
  if (product.pavilion !== manager.pavilion) throw new PavilionRefusedError({ reason: 'not_your_listing' });
  return product;
}

/** Product ids start with their pavilion's code, so this holds for listings not saved yet too. */
export function isOwnProductId(manager: Manager, id: string): boolean {
  return id.startsWith(`${manager.pavilion.toLowerCase()}-`);
}
