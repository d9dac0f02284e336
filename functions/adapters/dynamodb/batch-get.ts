import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../../ports/store-busy.js';

/** BatchGetItem takes at most 100 keys (DynamoDB limit); a cart's pavilions and a shopper's holders are far fewer. */
const MAX_KEYS = 100;
/** DynamoDB may hand keys back unprocessed when throttled: asked again with backoff, then given up. */
const MAX_ATTEMPTS = 8;

type Key = { readonly PK: string; readonly SK: string };

/**
 * Reads items of one table by key in one BatchGetItem (one command where each key was a GetItem;
 * each item costs what its GetItem would), and answers them in the order of `keys`, undefined for
 * an item that does not exist. The keys must be distinct: DynamoDB refuses a batch naming one twice.
 */
export async function batchGet(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  options: { readonly consistent?: boolean } = {},
): Promise<(Record<string, unknown> | undefined)[]> {
  if (keys.length > MAX_KEYS) throw new RangeError(`batchGet takes at most ${MAX_KEYS} keys`);
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = keys.map(({ PK, SK }) => ({ PK, SK }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    // Throttled past our patience: the database's state, not the request's, so a 503 "try again" (ports/store-busy.ts), not a 500.
    if (attempt >= MAX_ATTEMPTS) throw new StoreUnavailableError({ cause: new Error(`DynamoDB left ${pending.length} keys of a BatchGetItem unread: throttled`) });
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 50 * 2 ** attempt)));
    const { Responses, UnprocessedKeys } = await doc.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) } } }),
    );
    for (const item of Responses?.[tableName] ?? []) found.set(keyText(item as Key), item);
    pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return keys.map((key) => found.get(keyText(key)));
}

const keyText = (key: Key) => `${key.PK}\u0000${key.SK}`;
