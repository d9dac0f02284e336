import { parseArgs } from 'node:util';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { DynamoListingKeyStore } from '../../functions/adapters/dynamodb/listing-key-store.js';
import { backfillListingKeys } from '../../functions/usecases/backfill-listing-keys.js';

/**
 * `npx tsx infra/ops/backfill-listing-keys.ts --table NAME [--region REGION] [--endpoint URL]`
 *
 * Gives products written before GSI4 (a pavilion's products of one category, functions/adapters/dynamodb/keys.ts)
 * their entry, so the pavilion-and-category listing shows them, and order lines paid before their
 * pavilion's queue by fulfilment (on GSI2, see keys.ts) theirs, so the workspace's
 * "to ship" and "shipped" show them. Run it once after the deploy that adds an index or entry; running
 * it again writes nothing. AWS credentials come from the default chain
 * (environment, profile, SSO, instance role); the region from --region or AWS_REGION. --endpoint
 * points it at DynamoDB Local instead.
 */
const { values } = parseArgs({
  options: { table: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
  strict: true,
});
const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? (values.endpoint ? 'local' : undefined);
if (!values.table || !region) {
  console.error('Usage: npx tsx infra/ops/backfill-listing-keys.ts --table NAME [--region REGION] [--endpoint URL]  (region: --region or AWS_REGION)');
  process.exit(2);
}
const { raw, doc } = createDynamoClients({ region, ...(values.endpoint ? { endpoint: values.endpoint } : {}) });
try {
  const tally = await backfillListingKeys(
    { catalogue: new DynamoCatalogueStore(doc, values.table), listingKeys: new DynamoListingKeyStore(doc, values.table) },
    (code, { checked, updated, linesChecked, linesUpdated }) =>
      console.log(`${code}: ${checked} products read, ${updated} given their listing entry; ${linesChecked} paid lines read, ${linesUpdated} given their queue entry`),
  );
  console.log(`Done: ${tally.pavilions} pavilions, ${tally.checked} products read, ${tally.updated} updated; ${tally.linesChecked} paid lines read, ${tally.linesUpdated} updated.`);
} finally {
  raw.destroy();
}
