import type { Product } from '../domain/catalogue.js';
import { onHand, type FieldIssue } from '../domain/listing.js';
import type { PavilionSummary } from '../ports/catalogue-store.js';
import { ListingWriteRefused } from '../ports/listing-store.js';
import type { Manager } from '../ports/token-verifier.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { ProblemError } from './problem.js';

export function nowIso(deps: PavilionDeps): string {
  return (deps.now?.() ?? new Date()).toISOString();
}

/** The manager's listing as the workspace shows it: everything, plus on-hand. */
export function toListing(product: Product) {
  return { ...product, certificates: [...product.certificates], images: [...product.images], onHand: onHand(product) };
}

/** The manager's own pavilion (for its currency); a token for a pavilion that does not exist manages nothing. */
export async function ownPavilion(deps: PavilionDeps, manager: Manager): Promise<PavilionSummary> {
  const pavilion = await deps.catalogue.getPavilion(manager.pavilion);
  if (!pavilion) throw new ProblemError(403, 'No such pavilion', { detail: `Pavilion ${manager.pavilion} is not open on the site.` });
  return pavilion;
}

/** Reads a listing for its manager: 404 if there is none, 403 (and nothing of it) if it is another pavilion's. */
export async function ownListing(deps: PavilionDeps, manager: Manager, id: string): Promise<Product> {
  const product = await deps.listings.get(id);
  if (!product) throw notFound(id);
  if (product.pavilion !== manager.pavilion) throw notYours();
  return product;
}

export function invalid(errors: readonly FieldIssue[]): ProblemError {
  return new ProblemError(400, 'The request is not valid', { detail: `${errors.length} field(s) are wrong.`, errors: [...errors] });
}

const notFound = (id: string) => new ProblemError(404, 'No such listing', { detail: `There is no listing ${id}.` });
const notYours = () => new ProblemError(403, 'Not your listing', { detail: 'This listing belongs to another pavilion.' });

/** Turns a store's refusal into the answer the manager needs. */
export function refusalProblem(refusal: ListingWriteRefused, id: string): ProblemError {
  const current = refusal.current ? toListing(refusal.current) : undefined;
  switch (refusal.reason) {
    case 'missing':
      return notFound(id);
    case 'not_yours':
      return notYours();
    case 'stale_version':
      return new ProblemError(409, 'Someone changed this listing since you opened it', {
        detail: `The listing is now at version ${current?.version}. Reload it and apply your change again.`,
        errors: [{ field: 'version', message: 'stale: reload the listing' }],
        current,
      });
    case 'exists':
      return new ProblemError(409, 'A listing with this SKU exists', {
        detail: current ? `Listing ${current.id} (SKU ${current.sku}) already exists.` : 'It already exists.',
        errors: [{ field: 'sku', message: 'already used by one of your listings' }],
      });
    case 'below_reserved':
    case 'stock_moved':
      return new ProblemError(409, 'Stock cannot go below what checkouts have reserved', {
        detail: `${current?.reserved ?? 0} unit(s) are reserved by checkouts awaiting payment, and ${current?.stock ?? 0} are free.`,
        errors: [{ field: 'delta', message: 'more than the free stock' }],
        current,
      });
    case 'wrong_status':
      return new ProblemError(409, `The listing is already ${current?.status ?? 'in that state'}`, { current });
    case 'unknown_pavilion':
      return new ProblemError(403, 'No such pavilion', { detail: 'Your pavilion is not open on the site.' });
  }
}

/** Runs a store write, mapping its refusal to a problem. */
export async function guarded<T>(id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ListingWriteRefused) throw refusalProblem(error, id);
    throw error;
  }
}
