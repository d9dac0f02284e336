import type { CatalogueStore } from '../../ports/catalogue-store.js';
import type { Clock } from '../../ports/clock.js';
import type { ImageStore, UploadReceiver } from '../../ports/image-store.js';
import type { ListingStore } from '../../ports/listing-store.js';
import type { OrderStore } from '../../ports/order-store.js';
import type { PavilionOrdersStore } from '../../ports/pavilion-orders-store.js';
import type { PaymentGateway } from '../../ports/payment-gateway.js';
import type { RefundStore } from '../../ports/refund-store.js';
import type { Telemetry } from '../../ports/telemetry.js';
import type { TokenVerifier } from '../../ports/token-verifier.js';
import type { LedgerStore } from '../../ports/ledger-store.js';

/** What the pavilion workspace needs; wired by handlers/wire-pavilion.ts in AWS and by the local runner. */
export interface PavilionDeps {
  /** The pavilion itself (its currency, its freight rates) is read from the catalogue. */
  readonly catalogue: CatalogueStore;
  readonly listings: ListingStore;
  readonly pavilionOrders: PavilionOrdersStore;
  /** After the sale (usecases/pavilion/after-sale.ts): the order a line belongs to, its refunds and returns, and the provider that pays refunds. */
  readonly orders: OrderStore;
  readonly refunds: RefundStore;
  readonly payments: PaymentGateway;
  readonly telemetry: Telemetry;
  readonly tokens: TokenVerifier;
  readonly images: ImageStore;
  /** The settlement ledger the pavilion's statements read (usecases/settlement.ts). */
  readonly ledger: LedgerStore;
  /** Only where the server itself receives uploads (local runner); in AWS the browser posts to S3. */
  readonly uploads?: UploadReceiver;
  /** Where managers sign in (the local issuer's page, or Cognito's managed login). */
  readonly pavilionSignInUrl?: string;
  /** Ends the identity provider's session too (Cognito's /logout); without it sign-out only forgets the token. */
  readonly pavilionSignOutUrl?: string;
  /** Told after every successful listing or stock change (the local server rebuilds the site). */
  readonly onCatalogueChange?: (productId: string) => void;
  /** The shop's clock where it is wired; the system's otherwise. */
  readonly clock?: Clock;
}

/** The ones the workspace cannot do without: lazyDeps(deps, PAVILION_DEPS) turns a partly wired set into PavilionDeps. */
export const PAVILION_DEPS = ['catalogue', 'listings', 'pavilionOrders', 'orders', 'refunds', 'payments', 'telemetry', 'tokens', 'images', 'ledger'] as const satisfies readonly (keyof PavilionDeps)[];

export function nowIso(deps: Pick<PavilionDeps, 'clock'>): string {
  return (deps.clock?.now() ?? new Date()).toISOString();
}
