import { Aws } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';

/**
 * Item actions named one by one (never `dynamodb:*`, and never Scan: no request path may scan).
 * Transactions need no action of their own: TransactWriteItems is authorised per item as
 * PutItem / UpdateItem / DeleteItem / ConditionCheckItem, TransactGetItems as GetItem.
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
} as const;

/** The table is encrypted with the personal-data key; DynamoDB uses it on the caller's behalf. */
const KEY_ACTIONS = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  readWrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
} as const;

export type TableAccess = keyof typeof TABLE_ACTIONS;

/** Grants item access to the table and each index from TABLE_SCHEMA by name (no `index/*`). */
export function grantTableAccess(grantee: IGrantable, table: ITable, key: IKey, access: TableAccess): void {
  const indexArns = TABLE_SCHEMA.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...TABLE_ACTIONS[access]], resources: [table.tableArn, ...indexArns] }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...KEY_ACTIONS[access]],
      resources: [key.keyArn],
      // Usable only through DynamoDB, not to decrypt anything else sealed with this key.
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Aws.REGION}.amazonaws.com` } },
    }),
  );
}
