import type { IdentityVault } from '../ports/identity-vault.js';
import type { OrderStore } from '../ports/order-store.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { TokenVerifier } from '../ports/token-verifier.js';

/** What the operator app needs; wired by handlers/wire.ts in AWS and by the local runner. */
export interface OperatorDeps {
  readonly orders: OrderStore;
  readonly tokens: TokenVerifier;
  /** Opens buyers' ID numbers for the customs document. */
  readonly identity: IdentityVault;
  /** Every customs document read is logged (who, which order; never what it said). */
  readonly telemetry: Telemetry;
  /** Where the operator console sends operators to sign in (the local issuer's page, or Cognito's managed login). */
  readonly operatorSignInUrl?: string;
  /** Ends the identity provider's session too (Cognito's /logout), then returns to the console. */
  readonly operatorSignOutUrl?: string;
}

const REQUIRED = ['orders', 'tokens', 'identity', 'telemetry'] as const;

/**
 * The operator app's deps out of a partly wired set (as pavilionDepsOf does): each is looked up when
 * a request first needs it, so an API wired without them still mounts and describes the routes, and
 * a missing one fails loudly where it is used.
 */
export function operatorDepsOf(deps: Partial<OperatorDeps>): OperatorDeps {
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
  for (const name of ['operatorSignInUrl', 'operatorSignOutUrl'] as const) Object.defineProperty(view, name, { get: () => deps[name] });
  return view as unknown as OperatorDeps;
}
