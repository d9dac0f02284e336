import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB cancels a transaction that races another one on the same item (TransactionConflict)
 * and refuses single writes to an item inside a running transaction. Both are worth retrying
 * with jittered backoff: 200 shoppers on one product collide a lot. Condition failures are not
 * retried here: they are answers.
 */
const MAX_ATTEMPTS = 12;

export async function withConflictRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= MAX_ATTEMPTS || !isConflict(error)) throw error;
      const ceiling = Math.min(1000, 25 * 2 ** tries);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}

function isConflict(error: unknown): boolean {
  if (error instanceof TransactionConflictException) return true;
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
    // Retry only when no item failed its condition: a condition failure is final.
    return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
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
