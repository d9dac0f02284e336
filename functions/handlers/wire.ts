import { createDynamoClients } from '../adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../adapters/dynamodb/catalogue-store.js';
import { DynamoCartStore } from '../adapters/dynamodb/cart-store.js';
import { DynamoOrderStore } from '../adapters/dynamodb/order-store.js';
import { lazyStripeGateway } from '../adapters/stripe/lazy-gateway.js';
import { systemClock } from '../ports/clock.js';
import { readConfig, type Config } from '../config.js';
import type { ApiDeps } from '../http/api.js';
import { wirePavilionDeps } from './wire-pavilion.js';

/** Builds the adapters from configuration: the one place that knows which implementation serves each port. */
export function wireDeps(config: Config = readConfig()): ApiDeps {
  const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  return {
    catalogue: new DynamoCatalogueStore(doc, config.TABLE_NAME),
    carts: new DynamoCartStore(doc, config.TABLE_NAME),
    orders: new DynamoOrderStore(doc, config.TABLE_NAME),
    payments: lazyStripeGateway(config),
    clock: systemClock,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    ...wirePavilionDeps(config, doc),
  };
}
