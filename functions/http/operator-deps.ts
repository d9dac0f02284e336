import type { OrderMail } from '../domain/operator-console.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { Clock } from '../ports/clock.js';
import type { ManagerDirectory } from '../ports/manager-directory.js';
import type { OperatorConsoleStore } from '../ports/operator-console-store.js';
import type { ShopperKeys } from '../ports/shopper-keys.js';
import type { IdentityVault } from '../ports/identity-vault.js';
import type { OrderStore } from '../ports/order-store.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { RefundStore } from '../ports/refund-store.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { TokenVerifier } from '../ports/token-verifier.js';
import type { LedgerStore } from '../ports/ledger-store.js';

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
  /** The console's reads (needs attention, history, a shopper's orders) and pavilion suspensions (usecases/operator-console.ts, operator-pavilions.ts). */
  readonly operatorConsole: OperatorConsoleStore;
  /** The pavilions and their standing. */
  readonly catalogue: CatalogueStore;
  /** The settlement ledger: balances, statements, payouts, adjustments and commission rates (usecases/settlement.ts). */
  readonly ledger: LedgerStore;
  /** The keyed hash orders are found under by email; without it the search answers 503. */
  readonly shopperKeys?: ShopperKeys;
  /** Where managers are invited (Cognito in AWS, the local issuer at home); without it invitations answer 503. */
  readonly managers?: ManagerDirectory;
  /** An order's mails, where the mail outbox can list them. */
  readonly orderMails?: (orderId: string) => Promise<readonly OrderMail[]>;
}

/** The ones the operator app cannot do without: lazyDeps(deps, OPERATOR_DEPS) turns a partly wired set into OperatorDeps. */
export const OPERATOR_DEPS = ['orders', 'refunds', 'payments', 'tokens', 'identity', 'telemetry', 'operatorConsole', 'catalogue', 'ledger'] as const satisfies readonly (keyof OperatorDeps)[];
