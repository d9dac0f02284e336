/**
 * Raised by a store when a write kept colliding with other writes to the same items for longer than
 * it may wait (many shoppers on one product at once). Nothing was written; the client may try again.
 */
export class StoreBusyError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The store is busy with other writes to the same items', options);
    this.name = 'StoreBusyError';
  }
}
