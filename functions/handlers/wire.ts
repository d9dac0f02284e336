import { createDynamoClients } from '../adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../adapters/dynamodb/catalogue-store.js';
import { DynamoCartStore } from '../adapters/dynamodb/cart-store.js';
import { DynamoOrderStore } from '../adapters/dynamodb/order-store.js';
import { DynamoRateStore } from '../adapters/dynamodb/rate-store.js';
import { DynamoRefundStore } from '../adapters/dynamodb/refund-store.js';
import { DynamoLedgerStore } from '../adapters/dynamodb/ledger-store.js';
import { sharedPowertoolsTelemetry } from '../adapters/observability/powertools-telemetry.js';
import { lazyIdentityVault } from '../adapters/secrets/identity-key.js';
import { lazyStripeGateway } from '../adapters/stripe/lazy-gateway.js';
import { systemClock } from '../ports/clock.js';
import { readConfig, type Config } from '../config.js';
import type { ApiDeps } from '../http/api.js';
import { wireOperatorConsoleDeps } from './wire-operator.js';
import { wirePavilionDeps } from './wire-pavilion.js';

/** Builds the adapters from configuration: the one place that knows which implementation serves each port. */
export function wireDeps(config: Config = readConfig()): ApiDeps {
  const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  const telemetry = sharedPowertoolsTelemetry(telemetryOptions(config));
  return {
    catalogue: new DynamoCatalogueStore(doc, config.TABLE_NAME),
    carts: new DynamoCartStore(doc, config.TABLE_NAME),
    orders: new DynamoOrderStore(doc, config.TABLE_NAME, telemetry),
    refunds: new DynamoRefundStore(doc, config.TABLE_NAME, telemetry),
    ledger: new DynamoLedgerStore(doc, config.TABLE_NAME),
    payments: lazyStripeGateway(config),
    identity: lazyIdentityVault(config),
    clock: systemClock,
    rateStore: new DynamoRateStore(doc, config.TABLE_NAME),
    rateMaxAgeHours: config.RATES_MAX_AGE_HOURS,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    telemetry,
    ...(config.AUTH_OPERATOR_SIGN_IN_URL ? { operatorSignInUrl: config.AUTH_OPERATOR_SIGN_IN_URL } : {}),
    ...(config.AUTH_OPERATOR_SIGN_OUT_URL ? { operatorSignOutUrl: config.AUTH_OPERATOR_SIGN_OUT_URL } : {}),
    ...wireOperatorConsoleDeps(config, doc),
    ...wirePavilionDeps(config, doc),
  };
}

/**
 * In AWS the stack sets POWERTOOLS_LOG_LEVEL on every function. Locally (DynamoDB Local in use)
 * `npm start` shows warnings and errors only, unless POWERTOOLS_LOG_LEVEL asks for more.
 */
function telemetryOptions(config: Config): { logLevel?: 'WARN' } {
  return config.DYNAMODB_ENDPOINT && !process.env.POWERTOOLS_LOG_LEVEL ? { logLevel: 'WARN' } : {};
}
