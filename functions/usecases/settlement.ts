import type { SettlementAction } from '../domain/audit.js';
import type { CurrencyCode, Money } from '../domain/money.js';
import type { PavilionCode } from '../domain/pavilion.js';
import {
  adjustmentRecord, balanceOf, decideAdjustment, decidePayout, MAX_COMMISSION_BP, payoutRecord, periodOf, statementFigures,
  type LedgerEntry, type LedgerRefusal, type Period, type PeriodProblem, type StatementFigures,
} from '../domain/settlement.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { Clock } from '../ports/clock.js';
import { LedgerAccountChangedError, type LedgerAccount, type LedgerStore } from '../ports/ledger-store.js';
import type { Telemetry } from '../ports/telemetry.js';
import { newAdjustmentId, newPayoutId, newRateChangeId } from './ids.js';

/** What statements and the operators' settlement actions need. */
export interface SettlementDeps {
  readonly ledger: LedgerStore;
  readonly catalogue: Pick<CatalogueStore, 'getPavilion' | 'listPavilions'>;
  readonly telemetry: Telemetry;
  readonly clock?: Clock;
}

export type SettlementRefusal =
  | LedgerRefusal
  | { readonly reason: 'no_such_pavilion' }
  | { readonly reason: 'bad_period'; readonly problem: PeriodProblem }
  | { readonly reason: 'duplicate_reference'; readonly payoutId?: string }
  | { readonly reason: 'bad_rate' }
  | { readonly reason: 'bad_date' };

export class SettlementRefusedError extends Error {
  constructor(readonly refusal: SettlementRefusal) {
    super(`Settlement refused: ${refusal.reason}`);
    this.name = 'SettlementRefusedError';
  }
}

export interface Statement extends StatementFigures {
  readonly pavilion: PavilionCode;
  readonly currency: CurrencyCode;
  readonly from: string;
  readonly to: string;
  readonly entries: readonly LedgerEntry[];
}

const nowOf = (deps: Pick<SettlementDeps, 'clock'>) => (deps.clock?.now() ?? new Date()).toISOString();
const MAX_ATTEMPTS = 5;
/** After every instant the ledger holds (its sort keys are ISO instants). */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

async function currencyOf(deps: SettlementDeps, pavilion: PavilionCode): Promise<CurrencyCode> {
  const found = await deps.catalogue.getPavilion(pavilion);
  if (!found) throw new SettlementRefusedError({ reason: 'no_such_pavilion' });
  return found.currency;
}

/**
 * A pavilion's statement for calendar days in China time (both included): the opening balance (every
 * entry before), the period's entries and the figures they add up to (domain/settlement.ts).
 */
export async function statementFor(deps: SettlementDeps, pavilion: PavilionCode, from: string, to: string): Promise<Statement> {
  const period = periodOf(from, to);
  if (typeof period === 'string') throw new SettlementRefusedError({ reason: 'bad_period', problem: period });
  const currency = await currencyOf(deps, pavilion);
  return statementOf(deps, pavilion, currency, period);
}

async function statementOf(deps: SettlementDeps, pavilion: PavilionCode, currency: CurrencyCode, period: Period): Promise<Statement> {
  const [before, entries] = await Promise.all([deps.ledger.entries(pavilion, null, period.start), deps.ledger.entries(pavilion, period.start, period.end)]);
  const own = (list: readonly LedgerEntry[]) => list.filter((entry) => entry.amount.currency === currency);
  const kept = own(entries);
  return { pavilion, currency, from: period.from, to: period.to, ...statementFigures(currency, balanceOf(own(before)), kept), entries: kept };
}

export interface PavilionBalance {
  readonly pavilion: PavilionCode;
  readonly currency: CurrencyCode;
  readonly balance: Money;
  readonly commissionBp: number;
}

/** Every pavilion's balance now and its commission rate (one Query per pavilion, one batch read of the accounts). */
export async function balances(deps: SettlementDeps): Promise<readonly PavilionBalance[]> {
  const pavilions = await deps.catalogue.listPavilions();
  const accounts = await deps.ledger.accounts(pavilions.map((pavilion) => pavilion.code));
  const end = nowOf(deps);
  return Promise.all(
    pavilions.map(async (pavilion) => {
      const entries = await deps.ledger.entries(pavilion.code, null, end);
      return {
        pavilion: pavilion.code,
        currency: pavilion.currency,
        balance: { amount: balanceOf(entries.filter((entry) => entry.amount.currency === pavilion.currency)), currency: pavilion.currency },
        commissionBp: accounts.get(pavilion.code)!.commissionBp,
      };
    }),
  );
}

/** Reads the account, then the balance behind it, decides, and writes conditioned on the account as read. */
async function withAccount<T>(deps: SettlementDeps, pavilion: PavilionCode, act: (context: { account: LedgerAccount; currency: CurrencyCode; entries: readonly LedgerEntry[]; now: string }) => Promise<T>): Promise<T> {
  const currency = await currencyOf(deps, pavilion);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const account = (await deps.ledger.accounts([pavilion])).get(pavilion)!;
    const now = nowOf(deps);
    const entries = (await deps.ledger.entries(pavilion, null, END_OF_TIME)).filter((entry) => entry.amount.currency === currency);
    try {
      return await act({ account, currency, entries, now });
    } catch (error) {
      if (error instanceof LedgerAccountChangedError) continue;
      throw error;
    }
  }
  throw new Error(`The settlement account of ${pavilion} kept changing`);
}

export interface PayoutRequest {
  readonly amount: Money;
  /** The day the bank transfer was made (YYYY-MM-DD). */
  readonly paidOn: string;
  readonly reference: string;
}

/**
 * An operator records a bank transfer to a pavilion: never more than its balance, never the same bank
 * reference twice (a repeated request is refused, not paid twice). The payout and its audit record
 * are one transaction, conditioned on the account as read, so two payouts cannot both spend one balance.
 */
export async function recordPayout(deps: SettlementDeps, operator: string, pavilion: PavilionCode, request: PayoutRequest): Promise<{ readonly payoutId: string; readonly balance: Money }> {
  if (typeof periodOf(request.paidOn, request.paidOn) === 'string') throw new SettlementRefusedError({ reason: 'bad_date' });
  return withAccount(deps, pavilion, async ({ account, currency, entries, now }) => {
    const balance: Money = { amount: balanceOf(entries), currency };
    const duplicate = entries.find((entry) => entry.kind === 'payout' && entry.reference === request.reference);
    if (duplicate) throw new SettlementRefusedError({ reason: 'duplicate_reference', payoutId: duplicate.entryId.split('/')[0]! });
    const refusal = decidePayout(balance, request.amount);
    if (refusal) throw new SettlementRefusedError(refusal);
    const payoutId = newPayoutId();
    const record = payoutRecord({ payoutId, pavilion, amount: request.amount, paidOn: request.paidOn, reference: request.reference, at: now });
    const audit: SettlementAction = { actionId: payoutId, pavilion, operator, at: now, action: 'payout', amount: request.amount, reference: request.reference };
    await deps.ledger.appendByOperator(record, account, audit);
    deps.telemetry.info('payout recorded', { pavilion, payoutId, operator, amount: request.amount.amount, currency });
    return { payoutId, balance: { amount: balance.amount - request.amount.amount, currency } };
  });
}

/** An operator corrects a pavilion's balance either way, with a reason kept in the entry and the audit record. */
export async function recordAdjustment(deps: SettlementDeps, operator: string, pavilion: PavilionCode, request: { readonly amount: Money; readonly reason: string }): Promise<{ readonly adjustmentId: string; readonly balance: Money }> {
  return withAccount(deps, pavilion, async ({ account, currency, entries, now }) => {
    const refusal = decideAdjustment(currency, request.amount);
    if (refusal) throw new SettlementRefusedError(refusal);
    const adjustmentId = newAdjustmentId();
    const record = adjustmentRecord({ adjustmentId, pavilion, amount: request.amount, reason: request.reason, at: now });
    const audit: SettlementAction = { actionId: adjustmentId, pavilion, operator, at: now, action: 'adjustment', amount: request.amount, reason: request.reason };
    await deps.ledger.appendByOperator(record, account, audit);
    deps.telemetry.info('ledger adjusted', { pavilion, adjustmentId, operator, amount: request.amount.amount, currency });
    return { adjustmentId, balance: { amount: balanceOf(entries) + request.amount.amount, currency } };
  });
}

/** An operator sets a pavilion's commission rate; it applies to orders paid from now on (paid ones keep theirs). */
export async function setCommissionRate(deps: SettlementDeps, operator: string, pavilion: PavilionCode, commissionBp: number): Promise<{ readonly commissionBp: number; readonly previousCommissionBp: number }> {
  if (!Number.isInteger(commissionBp) || commissionBp < 0 || commissionBp > MAX_COMMISSION_BP) throw new SettlementRefusedError({ reason: 'bad_rate' });
  return withAccount(deps, pavilion, async ({ account, now }) => {
    const actionId = newRateChangeId();
    const audit: SettlementAction = { actionId, pavilion, operator, at: now, action: 'commission_rate', commissionBp, previousCommissionBp: account.commissionBp };
    await deps.ledger.setCommissionRate(account, commissionBp, audit);
    deps.telemetry.info('commission rate set', { pavilion, operator, commissionBp, previousCommissionBp: account.commissionBp });
    return { commissionBp, previousCommissionBp: account.commissionBp };
  });
}
