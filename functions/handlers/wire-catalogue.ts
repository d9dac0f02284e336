import { DynamoCatalogueStore } from '../adapters/dynamodb/catalogue-store.js';
import { DynamoRateStore } from '../adapters/dynamodb/rate-store.js';
import type { WiringBase } from './wire-common.js';

/**
 * The catalogue function's adapters: products, pavilions and the stored exchange rates, read-only.
 * Nothing here reaches Stripe, S3, KMS or Cognito, so its bundle carries none of them
 * (tests/infra/bundle-budget.test.ts holds it to that).
 */
export function wireCatalogueDeps({ config, doc, telemetry, clock }: WiringBase) {
  return {
    catalogue: new DynamoCatalogueStore(doc, config.TABLE_NAME),
    rateStore: new DynamoRateStore(doc, config.TABLE_NAME),
    rateMaxAgeHours: config.RATES_MAX_AGE_HOURS,
    clock,
    telemetry,
  };
}
