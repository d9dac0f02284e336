import { Aws } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { CATALOGUE_READ_PARTITIONS } from '../../functions/adapters/dynamodb/keys.js';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
const WRITE = ['dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;

/**
 * Item actions named one by one (never `dynamodb:*`, and never Scan: no request path may scan).
 * Transactions need no action of their own: TransactWriteItems is authorised per item as
 * PutItem / UpdateItem / DeleteItem / ConditionCheckItem, TransactGetItems as GetItem. No function
 * in AWS uses BatchWriteItem (only the local seed does), so no grant has it; DeleteItem only where a
 * store deletes: the paid order's cart, a `Delete` in the settling transaction
 * (functions/adapters/dynamodb/order-store.ts), which the webhooks and the sweep carry out.
 */
export const TABLE_ACTIONS = {
  /** The catalogue's own partitions only (catalogueStatements below). */
  catalogue: [...READ],
  readWrite: [...READ, ...WRITE],
  readWriteDelete: [...READ, ...WRITE, 'dynamodb:DeleteItem'],
} as const;

/** The table is encrypted with the personal-data key; DynamoDB uses it on the caller's behalf. */
const KEY_ACTIONS = {
  catalogue: ['kms:Decrypt', 'kms:DescribeKey'],
  readWrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
  readWriteDelete: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
} as const;

export type TableAccess = keyof typeof TABLE_ACTIONS;

/** Grants item access to the table and each index from TABLE_SCHEMA by name (no `index/*`). */
export function grantTableAccess(grantee: IGrantable, table: ITable, key: IKey, access: TableAccess): void {
  const indexArn = (indexName: string) => `${table.tableArn}/index/${indexName}`;
  const statements =
    access === 'catalogue'
      ? catalogueStatements(table.tableArn, indexArn)
      : [new PolicyStatement({ actions: [...TABLE_ACTIONS[access]], resources: [table.tableArn, ...TABLE_SCHEMA.globalIndexes.map((index) => indexArn(index.indexName))] })];
  for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...KEY_ACTIONS[access]],
      resources: [key.keyArn],
      // Usable only through DynamoDB, not to decrypt anything else sealed with this key.
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Aws.REGION}.amazonaws.com` } },
    }),
  );
}

/**
 * Reads of the catalogue's partitions only, one statement per table or index: `dynamodb:LeadingKeys`
 * is the partition key of what the request reads, the table's for GetItem/BatchGetItem/Query on the
 * table and the index's own for a Query on a global secondary index (AWS, "Using IAM policy
 * conditions for fine-grained access control"). Every key of the request must match
 * (ForAllValues), and the key must be there at all (Null: false), since ForAllValues over no keys
 * would allow anything. An index with no catalogue partitions gets no statement: its reads are refused.
 */
function catalogueStatements(tableArn: string, indexArn: (indexName: string) => string): PolicyStatement[] {
  const statement = (resource: string, partitions: readonly string[]) =>
    new PolicyStatement({
      actions: [...TABLE_ACTIONS.catalogue],
      resources: [resource],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...partitions] },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      },
    });
  const byIndex = CATALOGUE_READ_PARTITIONS.indexes as Partial<Record<string, readonly string[]>>;
  return [
    statement(tableArn, CATALOGUE_READ_PARTITIONS.table),
    ...TABLE_SCHEMA.globalIndexes.flatMap((index) => {
      const partitions = byIndex[index.indexName];
      return partitions?.length ? [statement(indexArn(index.indexName), partitions)] : [];
    }),
  ];
}
