import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CnyRate, RateSnapshot } from '../../domain/exchange-rates.js';
import type { RateStore } from '../../ports/rate-store.js';
import { keys, withoutKeys } from './keys.js';

/**
 * The exchange rates as one item (keys.exchangeRates): the snapshot with its publisher's date, its
 * source, when it was loaded, and each currency's yuan rate as an exact fraction in a string. One
 * GetItem per cart view or checkout; a refresh puts the whole snapshot, so readers never see half of one.
 */
export class DynamoRateStore implements RateStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async current(): Promise<RateSnapshot | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.exchangeRates() }));
    if (!Item) return null;
    const { asOf, source, loadedAt, rates } = withoutKeys(Item);
    return {
      asOf: String(asOf),
      source: String(source),
      loadedAt: String(loadedAt),
      rates: (rates as CnyRate[]).map((rate) => ({ currency: rate.currency, yuanPerUnit: rate.yuanPerUnit, asOf: rate.asOf, source: rate.source })),
    };
  }

  async save(snapshot: RateSnapshot): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.exchangeRates(),
          type: 'exchange_rates',
          asOf: snapshot.asOf,
          source: snapshot.source,
          loadedAt: snapshot.loadedAt,
          rates: snapshot.rates.map((rate) => ({ ...rate })),
        },
      }),
    );
  }
}
