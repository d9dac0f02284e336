import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';

/** A fresh table on the shared DynamoDB Local, so test files never see each other's data. */
export async function createTestTable(prefix = 'test') {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const clients = createDynamoClients({ endpoint, region: 'local' });
  await ensureTable(clients.raw, tableName);
  return { ...clients, endpoint, tableName };
}
