import { createDynamoClients } from '../adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../adapters/dynamodb/catalogue-store.js';
import { readConfig, type Config } from '../config.js';
import type { ApiDeps } from '../http/api.js';

/** Builds the adapters from configuration: the one place that knows which implementation serves each port. */
export function wireDeps(config: Config = readConfig()): ApiDeps {
  const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  return {
    catalogue: new DynamoCatalogueStore(doc, config.TABLE_NAME),
  };
}
