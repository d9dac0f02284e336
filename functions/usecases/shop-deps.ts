import type { CartStore } from '../ports/cart-store.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { Clock } from '../ports/clock.js';
import type { IdentityVault } from '../ports/identity-vault.js';
import type { OrderStore } from '../ports/order-store.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { RateStore } from '../ports/rate-store.js';
import type { RefundStore } from '../ports/refund-store.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { LedgerStore } from '../ports/ledger-store.js';
import type { RefusedEventLog } from '../ports/operator-console-store.js';
import type { ShopperKeys } from '../ports/shopper-keys.js';

/** What the cart, checkout, order and webhook flows need; wired by handlers/wire.ts or the local runner. */
export interface ShopDeps {
  readonly catalogue: CatalogueStore;
  readonly carts: CartStore;
  readonly orders: OrderStore;
  /** Refunds and returns after the sale (usecases/refunds.ts, usecases/shopper-after-sale.ts). */
  readonly refunds: RefundStore;
  readonly payments: PaymentGateway;
  /** Seals buyers' ID numbers and hashes them for the yearly count (checkout only). */
  readonly identity: IdentityVault;
  readonly clock: Clock;
  /** The exchange rates carts and checkout convert with (usecases/exchange-rates.ts). */
  readonly rateStore: RateStore;
  /** How long loaded rates may be charged at; RATES_FRESH_FOR_HOURS (48) when unset. */
  readonly rateMaxAgeHours?: number;
  /** The site's public origin, for Stripe's success and cancel URLs (no trailing slash). */
  readonly publicBaseUrl: string;
  /** Structured logs without personal data, and the business metrics operators watch. */
  readonly telemetry: Telemetry;
  /** The settlement ledger: each pavilion's commission rate when an order is paid (usecases/settle-payment.ts). */
  readonly ledger: LedgerStore;
  /** Files each order under a keyed hash of its shopper's email, so operators can find it (ports/shopper-keys.ts). */
  readonly shopperKeys?: ShopperKeys;
  /** Where the webhook keeps the events it refused for a mismatch, for operators. */
  readonly refusedEvents?: RefusedEventLog;
}

/** Every shop dep is required: lazyDeps(deps, SHOP_DEPS) turns a partly wired set into ShopDeps. */
export const SHOP_DEPS = ['catalogue', 'carts', 'orders', 'refunds', 'payments', 'identity', 'clock', 'rateStore', 'publicBaseUrl', 'telemetry', 'ledger'] as const satisfies readonly (keyof ShopDeps)[];
