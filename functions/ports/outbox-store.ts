import type { OutboxRecord, PavilionBatch, PavilionContact } from '../domain/mail/outbox.js';
import type { PavilionCode } from '../domain/pavilion.js';

/**
 * The outbox records as the sender sees them (they are written by the order, shipment and refund
 * stores in the transactions that cause them). A sender claims a record before sending it, under a
 * condition, so two senders never both send one; the claim lapses after a lease, so a sender that
 * died is replaced.
 */
export interface OutboxStore {
  /** What is due before `now` (ready, or claimed by a sender whose lease lapsed), oldest first: order mail records and pavilion batches. */
  listDue(now: string, limit: number): Promise<readonly DueMail[]>;
  /**
   * Moves an order's pavilion record into each of its pavilions' batches and marks it done, in one
   * transaction conditioned on the record being ready: false when another sender did it first.
   */
  joinBatches(record: OutboxRecord, now: string): Promise<boolean>;
  /** Takes a pavilion's due batch for one sender; null when it is not due (sent, or another sender holds it). */
  claimBatch(pavilion: PavilionCode, claimId: string, at: Omit<ClaimTimes, 'dueBy'>): Promise<PavilionBatch | null>;
  /** The mail for `orderIds` went out: they leave the batch; orders that joined meanwhile wait for the next window. */
  batchSent(pavilion: PavilionCode, claimId: string, orderIds: readonly string[], at: string): Promise<void>;
  /** Back to ready, due again at `retryAt`. */
  releaseBatch(pavilion: PavilionCode, claimId: string, retryAt: string): Promise<void>;
  /** Given up for `orderIds` (no contact, the address refused): they leave the batch, the failure is kept on it. */
  batchFailed(pavilion: PavilionCode, claimId: string, orderIds: readonly string[], at: string, reason: string): Promise<void>;
  /** An order's mail records (its history). */
  listForOrder(orderId: string): Promise<readonly OutboxRecord[]>;
  /** Takes the record for one sender until `at.until`; false when it is not ready (sent, or another sender holds it). */
  claim(record: Pick<OutboxRecord, 'orderId' | 'mailId'>, claimId: string, at: ClaimTimes): Promise<boolean>;
  /** Sent: off the lists, the token gone. Only by the sender holding the claim. */
  markSent(record: Pick<OutboxRecord, 'orderId' | 'mailId'>, claimId: string, sent: { readonly at: string; readonly subject: string; readonly providerMessageId: string }): Promise<void>;
  /** Back to ready, due again at `retryAt` (the service could not take it now). */
  release(record: Pick<OutboxRecord, 'orderId' | 'mailId' | 'dueAt'>, claimId: string, retryAt: string): Promise<void>;
  /** Given up: off the due list, onto the failed list operators read. */
  markFailed(record: Pick<OutboxRecord, 'orderId' | 'mailId'>, claimId: string, at: string, reason: string): Promise<void>;
  /** Failed mail, most recent first. */
  listFailed(limit: number): Promise<readonly OutboxRecord[]>;
}

export interface ClaimTimes {
  readonly now: string;
  /** Held until then; after it another sender may take it over. */
  readonly until: string;
  /** Only a record due by then (a pavilion's batch takes its records not yet due too). */
  readonly dueBy: string;
}

export type DueMail = { readonly kind: 'record'; readonly record: OutboxRecord } | { readonly kind: 'batch'; readonly batch: PavilionBatch };

/** Where each pavilion's order mail goes (kept off the public pavilion record). */
export interface PavilionContactStore {
  getContact(pavilion: PavilionCode): Promise<PavilionContact | null>;
  putContact(pavilion: PavilionCode, contact: PavilionContact): Promise<void>;
}
