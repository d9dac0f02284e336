import { decimal } from './customs-csv.js';
import { ProblemError, type ProblemTable } from './problem.js';
import type { SettlementRefusal } from '../usecases/settlement.js';

const PERIOD_DETAIL = {
  not_a_date: 'from and to must be calendar days (YYYY-MM-DD).',
  to_before_from: 'to is before from.',
  too_long: 'A statement covers at most 366 days.',
} as const;

/** Every settlement refusal and its answer: the one place each gets its status and title. */
export const SETTLEMENT_PROBLEMS: ProblemTable<SettlementRefusal> = {
  no_such_pavilion: () => new ProblemError(404, 'No such pavilion'),
  bad_period: ({ problem }) =>
    new ProblemError(400, 'The period is not valid', { detail: PERIOD_DETAIL[problem], reason: problem, errors: [{ field: problem === 'not_a_date' ? 'from' : 'to', message: PERIOD_DETAIL[problem] }] }),
  over_balance: ({ balance }) =>
    new ProblemError(409, 'The payout is more than the balance', {
      detail: `The pavilion's balance is ${decimal({ ...balance, amount: Math.max(0, balance.amount) })} ${balance.currency}${balance.amount < 0 ? ' (it owes the store)' : ''}: a payout cannot exceed it.`,
      reason: 'over_balance', balance,
    }),
  wrong_currency: ({ currency }) =>
    new ProblemError(422, 'Not the pavilion’s currency', { detail: `The pavilion settles in ${currency}.`, reason: 'wrong_currency', errors: [{ field: 'amount.currency', message: `must be ${currency}` }] }),
  not_positive: () => new ProblemError(422, 'A payout must be more than zero', { reason: 'not_positive', errors: [{ field: 'amount.amount', message: 'must be more than 0' }] }),
  zero_adjustment: () => new ProblemError(422, 'An adjustment of nothing', { reason: 'zero_adjustment', errors: [{ field: 'amount.amount', message: 'must not be 0' }] }),
  duplicate_reference: ({ payoutId }) =>
    new ProblemError(409, 'A payout with this bank reference is recorded already', { reason: 'duplicate_reference', ...(payoutId ? { payoutId } : {}), errors: [{ field: 'reference', message: 'already recorded' }] }),
  bad_date: () => new ProblemError(400, 'Not a calendar day', { errors: [{ field: 'date', message: 'a calendar day (YYYY-MM-DD)' }] }),
  bad_rate: () => new ProblemError(400, 'Not a commission rate', { errors: [{ field: 'commissionBp', message: 'an integer from 0 to 10000' }] }),
};
