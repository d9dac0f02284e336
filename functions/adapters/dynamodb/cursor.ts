import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../../ports/catalogue-store.js';
import { keyCondition, pageKeyAttributes, type KeyQuery } from './keys.js';

/**
 * Cursors are DynamoDB's LastEvaluatedKey, base64url-encoded JSON. On the way back in they are
 * checked against the exact key attributes and partition of the query (keys.ts), so a tampered or
 * foreign cursor is the client's error (400), never a DynamoDB ValidationException (500).
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, query: KeyQuery): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidCursorError();
  const entries = Object.entries(parsed);
  const names = entries.map(([name]) => name).sort();
  const wanted = [...pageKeyAttributes(query)].sort();
  if (names.length !== wanted.length || names.some((name, i) => name !== wanted[i])) throw new InvalidCursorError();
  if (entries.some(([, value]) => typeof value !== 'string' || value.length === 0 || value.length > 300)) throw new InvalidCursorError();
  const key = parsed as Record<string, string>;
  if (key[query.partition.name] !== query.partition.value) throw new InvalidCursorError();
  // The query's begins_with on the sort key: a start key outside it is a DynamoDB ValidationException.
  if (query.sort.prefix && !key[query.sort.name]?.startsWith(query.sort.prefix)) throw new InvalidCursorError();
  return key;
}

/**
 * One page of one keyed partition: a single Query, no filter, resumed from a checked cursor. Every
 * listing a request reads is shaped so (keys.ts), so a page never reads more than it returns.
 */
export async function queryPage(
  doc: DynamoDBDocumentClient,
  tableName: string,
  key: KeyQuery,
  page: { readonly limit: number; readonly cursor?: string | undefined; readonly newestFirst?: boolean },
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const result = await doc.send(
    new QueryCommand({
      TableName: tableName,
      ...keyCondition(key),
      ...(page.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, key),
    }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
