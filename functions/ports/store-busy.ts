/**
 * Raised by a store when a write kept colliding with other writes to the same items for longer than
 * it may wait (many shoppers on one product at once). Nothing was written; the client may try again.
 */
export class StoreBusyError extends Error {
  constructor(options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? 'The store is busy with other writes to the same items', options);
    this.name = 'StoreBusyError';
  }
}

/**
 * Raised by a store when the database itself failed us after the SDK's own retries: throttled, a
 * timeout, a dropped or refused connection, or the service answering 5xx. None of that is the
 * client's doing or a bug of ours, so it is answered as StoreBusyError is (503 with Retry-After),
 * never as a 500. A read or a conditional write that failed this way changed nothing; a write whose
 * answer was lost may have landed, and the flows are safe to repeat (checkout releases the cart's
 * earlier unpaid order before reserving again, and the sweep releases any it leaves).
 */
export class StoreUnavailableError extends StoreBusyError {
  constructor(options?: { cause?: unknown }) {
    super({ ...options, message: 'The store did not answer in time or failed; please try again' });
    this.name = 'StoreUnavailableError';
  }
}
