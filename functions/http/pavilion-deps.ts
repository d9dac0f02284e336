import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { ImageStore, UploadReceiver } from '../ports/image-store.js';
import type { ListingStore } from '../ports/listing-store.js';
import type { PavilionOrdersStore } from '../ports/pavilion-orders-store.js';
import type { TokenVerifier } from '../ports/token-verifier.js';

/** What the pavilion workspace needs; wired by handlers/wire.ts in AWS and by the local runner. */
export interface PavilionDeps {
  /** The pavilion itself (its currency) is read from the catalogue. */
  readonly catalogue: CatalogueStore;
  readonly listings: ListingStore;
  readonly pavilionOrders: PavilionOrdersStore;
  readonly tokens: TokenVerifier;
  readonly images: ImageStore;
  /** Only where the server itself receives uploads (local runner); in AWS the browser posts to S3. */
  readonly uploads?: UploadReceiver;
  /** Where managers sign in (the local issuer's page, or Cognito's managed login). */
  readonly pavilionSignInUrl?: string;
  /** Ends the identity provider's session too (Cognito's /logout); without it sign-out only forgets the token. */
  readonly pavilionSignOutUrl?: string;
  /** Told after every successful listing or stock change (the local server rebuilds the site). */
  readonly onCatalogueChange?: (productId: string) => void;
  readonly now?: () => Date;
}

const REQUIRED = ['catalogue', 'listings', 'pavilionOrders', 'tokens', 'images'] as const;

/**
 * The workspace's deps out of a partly wired set (the same idea as shopDepsOf): each required
 * one is looked up when a request first needs it, so an API wired without them still mounts and
 * describes these routes, and a missing one fails loudly where it is used. Time comes from the
 * shop's clock when there is one.
 */
export function pavilionDepsOf(deps: Partial<PavilionDeps> & { readonly clock?: { now(): Date } }): PavilionDeps {
  const view: Record<string, unknown> = {};
  for (const name of REQUIRED) {
    Object.defineProperty(view, name, {
      get: () => {
        const value = deps[name];
        if (value === undefined) throw new Error(`The API was wired without ${name}`);
        return value;
      },
    });
  }
  for (const name of ['uploads', 'pavilionSignInUrl', 'pavilionSignOutUrl', 'onCatalogueChange'] as const) Object.defineProperty(view, name, { get: () => deps[name] });
  Object.defineProperty(view, 'now', { get: () => deps.now ?? (deps.clock ? () => deps.clock!.now() : undefined) });
  return view as unknown as PavilionDeps;
}
