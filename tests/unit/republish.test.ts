import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { changesPublishedPages, republish, type RepublishDeps } from '../../functions/handlers/republish.js';

const marshallKey = (key: { PK: string; SK: string }) => ({ PK: { S: key.PK }, SK: { S: key.SK } });

const product = (fields: Record<string, string | number>) =>
  Object.fromEntries(
    Object.entries({ PK: 'PRODUCT#kg-honey', SK: 'PRODUCT', ...fields }).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: v }]),
  );

function modify(before: Record<string, string | number>, after: Record<string, string | number>, pk = 'PRODUCT#kg-honey'): DynamoDBRecord {
  return {
    eventName: 'MODIFY',
    dynamodb: { Keys: { PK: { S: pk }, SK: { S: 'PRODUCT' } }, OldImage: product(before), NewImage: product(after) },
  } as DynamoDBRecord;
}

describe('which stream records republish the site', () => {
  it('a checkout moving stock to reserved does not (the page shows stock live)', () => {
    expect(changesPublishedPages(modify({ title: 'Honey', stock: 10, reserved: 0, version: 3 }, { title: 'Honey', stock: 9, reserved: 1, version: 4 }))).toBe(false);
  });

  it('a pavilion editing a title or price does', () => {
    expect(changesPublishedPages(modify({ title: 'Honey', stock: 10 }, { title: 'Mountain honey', stock: 10 }))).toBe(true);
  });

  it('a new or removed product and any pavilion change do', () => {
    const keys = { PK: { S: 'PRODUCT#kg-jam' }, SK: { S: 'PRODUCT' } };
    expect(changesPublishedPages({ eventName: 'INSERT', dynamodb: { Keys: keys } } as DynamoDBRecord)).toBe(true);
    expect(changesPublishedPages({ eventName: 'REMOVE', dynamodb: { Keys: keys } } as DynamoDBRecord)).toBe(true);
    expect(changesPublishedPages(modify({ name: 'Kyrgyzstan' }, { name: 'Kyrgyz Republic' }, 'PAVILIONS'))).toBe(true);
  });

  it('a stock movement recorded beside a product does not (a pavilion counting its stock)', () => {
    const movement = marshallKey(keys.stockMovement('kg-honey', '2026-03-01T10:00:00.000Z', 'ab12cd34'));
    expect(changesPublishedPages({ eventName: 'INSERT', dynamodb: { Keys: movement, NewImage: { ...movement, delta: { N: '5' } } } } as DynamoDBRecord)).toBe(false);
  });

  it('carts, orders and other items never do', () => {
    expect(changesPublishedPages({ eventName: 'INSERT', dynamodb: { Keys: { PK: { S: 'CART#abc' }, SK: { S: 'CART' } } } } as DynamoDBRecord)).toBe(false);
  });
});

function fakeBuilds(outcomes: Array<'ok' | 'busy' | 'broken'>, remainingMs = 600_000) {
  const calls = { starts: 0, sleeps: 0 };
  const deps: RepublishDeps = {
    startBuild: async () => {
      const outcome = outcomes[calls.starts++] ?? 'ok';
      if (outcome === 'busy') throw Object.assign(new Error('Cannot have more than 1 active builds'), { name: 'AccountLimitExceededException' });
      if (outcome === 'broken') throw new Error('AccessDenied');
    },
    sleep: async () => {
      calls.sleeps++;
    },
    remainingMs: () => remainingMs,
  };
  return { deps, calls };
}

const catalogueChange = { Records: [modify({ title: 'Honey' }, { title: 'Mountain honey' })] };

describe('starting the site build', () => {
  it('starts one build for a batch with catalogue changes', async () => {
    const { deps, calls } = fakeBuilds(['ok']);
    await expect(republish(catalogueChange, deps)).resolves.toBe('started');
    expect(calls.starts).toBe(1);
  });

  it('starts nothing for a batch of stock movements', async () => {
    const { deps, calls } = fakeBuilds([]);
    const event = { Records: [modify({ stock: 2 }, { stock: 1 })] };
    await expect(republish(event, deps)).resolves.toBe('nothing to publish');
    expect(calls.starts).toBe(0);
  });

  it('waits for a running build to finish, then starts another so this change is published too', async () => {
    const { deps, calls } = fakeBuilds(['busy', 'busy', 'ok']);
    await expect(republish(catalogueChange, deps)).resolves.toBe('started');
    expect(calls).toEqual({ starts: 3, sleeps: 2 });
  });

  it('hands the batch back to the stream for a retry when time runs out or the error is not a busy project', async () => {
    await expect(republish(catalogueChange, fakeBuilds(['busy'], 10_000).deps)).rejects.toThrow(/active builds/);
    await expect(republish(catalogueChange, fakeBuilds(['broken']).deps)).rejects.toThrow('AccessDenied');
  });
});
