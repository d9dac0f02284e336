/**
 * The one definition of the single table: keys, indexes, TTL and stream.
 * Used by the CDK stack (infra/constructs) and by the local runner and tests (CreateTable),
 * so the cloud and the embedded default can never drift apart.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    /** A pavilion's products of one category (keys.ts): a filtered listing page is one Query, never a filter over GSI1. */
    { indexName: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
  ],
  timeToLiveAttribute: 'ttl',
  /** Catalogue changes on the stream trigger republishing of the static site. */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof TABLE_SCHEMA.globalIndexes)[number]['indexName'];
