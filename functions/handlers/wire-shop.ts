import { lazyShopperKeys } from '../adapters/crypto/shopper-keys.js';
import { DynamoCartStore } from '../adapters/dynamodb/cart-store.js';
import { DynamoLedgerStore } from '../adapters/dynamodb/ledger-store.js';
import { DynamoOperatorConsoleStore } from '../adapters/dynamodb/operator-console-store.js';
import { DynamoOrderStore } from '../adapters/dynamodb/order-store.js';
import { DynamoRefundStore } from '../adapters/dynamodb/refund-store.js';
import { lazyIdentityVault } from '../adapters/secrets/identity-key.js';
import { lazyStripeGateway } from '../adapters/stripe/lazy-gateway.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { wireCatalogueDeps } from './wire-catalogue.js';
import type { WiringBase } from './wire-common.js';

/**
 * The stores every flow after the catalogue shares: orders, refunds and the ledger. The shop, the
 * webhooks, the sweep, the workspace and the operators all read and write them.
 */
export function wireOrderDeps({ config, doc, telemetry }: WiringBase) {
  return {
    orders: new DynamoOrderStore(doc, config.TABLE_NAME, telemetry),
    refunds: new DynamoRefundStore(doc, config.TABLE_NAME, telemetry),
    ledger: new DynamoLedgerStore(doc, config.TABLE_NAME),
    // Built on first use: a function that never pays needs no Stripe keys (adapters/stripe/lazy-gateway.ts).
    payments: lazyStripeGateway(config),
  };
}

/**
 * What settling a payment needs, and no more: the sweep's adapters. No carts, catalogue or identity vault, so
 * the sweep's bundle carries no KMS client.
 */
export function wireSettleDeps(base: WiringBase) {
  return { ...wireOrderDeps(base), clock: base.clock, telemetry: base.telemetry };
}

/** The webhooks' adapters: settling, and the log of the events it refused (read by operators). */
export function wireWebhookDeps(base: WiringBase) {
  return { ...wireSettleDeps(base), refusedEvents: new DynamoOperatorConsoleStore(base.doc, base.config.TABLE_NAME) };
}

/** The shop's adapters: carts, checkout, orders, payments and their refunds. */
export function wireShopDeps(base: WiringBase): ShopDeps {
  const { config, doc } = base;
  const shopperKeys = lazyShopperKeys(config);
  return {
    ...wireCatalogueDeps(base),
    ...wireOrderDeps(base),
    carts: new DynamoCartStore(doc, config.TABLE_NAME),
    identity: lazyIdentityVault(config),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    // The webhook's log of refused events, and the keyed hash orders are filed under: both read by operators.
    refusedEvents: new DynamoOperatorConsoleStore(doc, config.TABLE_NAME),
    ...(shopperKeys ? { shopperKeys } : {}),
  };
}
