import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchGet } from '../../functions/adapters/dynamodb/batch-get.js';
import { StoreUnavailableError } from '../../functions/ports/store-busy.js';

/**
 * DynamoDB hands keys back unprocessed when a table is throttled, which DynamoDB Local never does:
 * a stand-in client answers part of each batch and leaves the rest, as DynamoDB may.
 */
function throttlingClient(items: Record<string, unknown>[], answeredPerCall: number) {
  const sent: { keys: string[]; consistent: boolean }[] = [];
  const doc = {
    send: async (command: { input: { RequestItems: Record<string, { Keys: { PK: string; SK: string }[]; ConsistentRead?: boolean }> } }) => {
      const [[table, { Keys, ConsistentRead }]] = Object.entries(command.input.RequestItems) as [[string, { Keys: { PK: string; SK: string }[]; ConsistentRead?: boolean }]];
      sent.push({ keys: Keys.map((key) => key.PK), consistent: ConsistentRead === true });
      const answered = Keys.slice(0, answeredPerCall);
      const left = Keys.slice(answeredPerCall);
      return {
        Responses: { [table]: answered.map((key) => items.find((item) => item.PK === key.PK && item.SK === key.SK)).filter(Boolean) },
        UnprocessedKeys: left.length ? { [table]: { Keys: left } } : {},
      };
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, sent };
}

const item = (pk: string) => ({ PK: pk, SK: 'X', name: pk });

describe('batchGet', () => {
  it('asks again for the keys DynamoDB left unprocessed and answers in the order asked, undefined for a missing item', async () => {
    const { doc, sent } = throttlingClient([item('A'), item('C'), item('D')], 2);
    const keys = ['D', 'B', 'A', 'C'].map((pk) => ({ PK: pk, SK: 'X' }));
    const found = await batchGet(doc, 'table', keys, { consistent: true });
    expect(found.map((entry) => entry?.PK)).toEqual(['D', undefined, 'A', 'C']);
    expect(sent).toEqual([
      { keys: ['D', 'B', 'A', 'C'], consistent: true },
      { keys: ['A', 'C'], consistent: true },
    ]);
  });

  it('gives up with an error when DynamoDB keeps every key unprocessed', async () => {
    const { doc, sent } = throttlingClient([item('A')], 0);
    const error = await batchGet(doc, 'table', [{ PK: 'A', SK: 'X' }]).catch((caught: unknown) => caught);
    // Answered 503 with Retry-After like any other store outage, never 500.
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(((error as Error).cause as Error).message).toMatch(/unread: throttled/);
    expect(sent).toHaveLength(8);
  }, 20_000);
});
