import type { Clock } from '../ports/clock.js';
import type { IdentityVault } from '../ports/identity-vault.js';
import type { OrderStore } from '../ports/order-store.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { RefundStore } from '../ports/refund-store.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { TokenVerifier } from '../ports/token-verifier.js';

/** What the operator app needs; wired by handlers/wire.ts in AWS and by the local runner. */
export interface OperatorDeps {
  readonly orders: OrderStore;
  /** Refunds operators ask for, and the failed ones they resolve (usecases/operator-refunds.ts). */
  readonly refunds: RefundStore;
  readonly payments: PaymentGateway;
  readonly tokens: TokenVerifier;
  /** Opens buyers' ID numbers for the customs document. */
  readonly identity: IdentityVault;
  /** Every customs document read is logged (who, which order; never what it said). */
  readonly telemetry: Telemetry;
  /** Where the operator console sends operators to sign in (the local issuer's page, or Cognito's managed login). */
  readonly operatorSignInUrl?: string;
  /** Ends the identity provider's session too (Cognito's /logout), then returns to the console. */
  readonly operatorSignOutUrl?: string;
  /** The shop's clock where it is wired; the system's otherwise. */
  readonly clock?: Clock;
}

/** The ones the operator app cannot do without: lazyDeps(deps, OPERATOR_DEPS) turns a partly wired set into OperatorDeps. */
export const OPERATOR_DEPS = ['orders', 'refunds', 'payments', 'tokens', 'identity', 'telemetry'] as const satisfies readonly (keyof OperatorDeps)[];
