import type { SettlementAction } from '../domain/audit.js';
import type { PavilionCode } from '../domain/pavilion.js';
import type { LedgerEntry, LedgerRecord } from '../domain/settlement.js';

/** A pavilion's settlement account: its commission rate, and the version each operator write moves on. */
export interface LedgerAccount {
  readonly pavilion: PavilionCode;
  readonly commissionBp: number;
  /** 0 until an operator first writes; payouts, adjustments and rate changes are conditioned on it. */
  readonly version: number;
}

/** The account moved (another operator's payout, adjustment or rate) since it was read: read and decide again. */
export class LedgerAccountChangedError extends Error {
  constructor() {
    super('The pavilion’s settlement account changed concurrently');
    this.name = 'LedgerAccountChangedError';
  }
}

/**
 * The settlement ledger (domain/settlement.ts). Records caused by payments and refunds are written by
 * the order and refund stores inside their own transactions; this store reads the ledger and writes
 * what operators do, each with its audit record and conditioned on the account as read.
 */
export interface LedgerStore {
  /** Each pavilion's account (the default rate, version 0, when none was ever written). */
  accounts(pavilions: readonly PavilionCode[]): Promise<ReadonlyMap<PavilionCode, LedgerAccount>>;
  /** A pavilion's entries from `start` (null: the beginning) to before `end`, oldest first (one Query, paged). */
  entries(pavilion: PavilionCode, start: string | null, end: string): Promise<readonly LedgerEntry[]>;
  /** Appends a payout or adjustment with its audit record; throws LedgerAccountChangedError. */
  appendByOperator(record: LedgerRecord, account: LedgerAccount, audit: SettlementAction): Promise<void>;
  /** Sets the commission rate with its audit record; throws LedgerAccountChangedError. */
  setCommissionRate(account: LedgerAccount, commissionBp: number, audit: SettlementAction): Promise<void>;
  /** A pavilion's settlement actions by operators, oldest first. */
  actions(pavilion: PavilionCode): Promise<readonly SettlementAction[]>;
}
