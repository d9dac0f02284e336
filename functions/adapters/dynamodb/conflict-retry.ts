import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { StoreBusyError } from '../../ports/store-busy.js';

/**
 * DynamoDB cancels a transaction that races another one on the same item (TransactionConflict)
 * and refuses single writes to an item inside a running transaction. Both are worth retrying
 * with jittered backoff: 200 shoppers on one product collide a lot, and a loaded table answers
 * each attempt slower, so the retries are bounded by time as well as by count. Past both, the
 * caller gets StoreBusyError (answered 503 with Retry-After), never the raw conflict.
 * Condition failures are not retried here: they are answers.
 */
const MIN_ATTEMPTS = 12;
/** Well inside the shortest timeout of a function that writes (10 s) and API Gateway's 30 s. */
const RETRY_BUDGET_MS = 6_000;

export async function withConflictRetry<T>(attempt: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (tries >= MIN_ATTEMPTS && Date.now() - started >= RETRY_BUDGET_MS) throw new StoreBusyError({ cause: error });
      const ceiling = Math.min(1000, 25 * 2 ** tries);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}

function isConflict(error: unknown): boolean {
  if (error instanceof TransactionConflictException) return true;
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
    // Retry only when no item failed its condition: a condition failure is final. ThrottlingError is
    // AWS cancelling a transaction on an item written too often at once (one product, many shoppers):
    // contention as much as a conflict is, and before this it reached the client as a 500.
    return (codes.includes('TransactionConflict') || codes.includes('ThrottlingError')) && !codes.includes('ConditionalCheckFailed');
  }
  return false;
}

/** Indexes of the transaction items whose condition failed, or null if the error is something else. */
export function failedConditions(error: unknown): number[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  const reasons = error.CancellationReasons ?? [];
  const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
  return failed.length ? failed : null;
}
