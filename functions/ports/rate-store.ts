import type { RateSnapshot } from '../domain/exchange-rates.js';

/** The rates the store converts with, kept in the table (adapters/dynamodb/rate-store.ts): one current snapshot. */
export interface RateStore {
  /** The current snapshot, or null when none was ever loaded. */
  current(): Promise<RateSnapshot | null>;
  /** Replaces the current snapshot. */
  save(snapshot: RateSnapshot): Promise<void>;
}
