import { orderConfirmedMail, orderPageUrl, lineShippedMail, pavilionNewLinesMail, refundedMail, returnAcceptedMail, type RenderedMail } from '../domain/mail/messages.js';
import { claimLeaseUntil, MAX_SEND_ATTEMPTS, retryAt, type OutboxRecord } from '../domain/mail/outbox.js';
import type { OrderLine } from '../domain/order.js';
import type { PavilionCode } from '../domain/pavilion.js';
import type { Clock } from '../ports/clock.js';
import { MailRejectedError, type Mailer, type MailMessage } from '../ports/mailer.js';
import type { OrderStore, StoredOrder } from '../ports/order-store.js';
import type { OutboxStore, PavilionContactStore } from '../ports/outbox-store.js';
import type { Telemetry } from '../ports/telemetry.js';

export interface MailDeps {
  readonly outbox: OutboxStore;
  readonly contacts: PavilionContactStore;
  readonly orders: Pick<OrderStore, 'get'>;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  /** The site's public origin: the order page and the workspace links. */
  readonly publicBaseUrl: string;
}

export interface DeliveryTally {
  sent: number;
  retried: number;
  failed: number;
  /** Records another sender held (or had sent) when this one came to them. */
  skipped: number;
}

const DUE_BATCH = 50;

/**
 * Sends what the outbox holds that is due: run by the table's stream and a schedule in AWS
 * (handlers/mail.ts), by a timer locally (infra/local/stack.ts). Any number of senders may run at
 * once: each record is claimed under a condition before it is sent, so one sender sends it.
 *
 * Exactly once, and where it is only at least once: the record is marked sent after the mail service
 * accepted the message. A sender that dies (or times out, or loses the table) between the two leaves
 * its claim to lapse (CLAIM_LEASE_MINUTES), and the next sender sends the message again. SES takes no
 * idempotency key, so that window, seconds wide, is the one place a message can go out twice.
 */
export async function deliverDueMail(deps: MailDeps, options: { readonly limit?: number } = {}): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const now = deps.clock.now().toISOString();
  const due = await deps.outbox.listDue(now, options.limit ?? DUE_BATCH);
  for (const item of due) {
    try {
      if (item.kind === 'batch') await deliverPavilionBatch(deps, item.batch.pavilion, now, tally);
      else if (item.record.kind === 'pavilion_new_lines') {
        // The order joins its pavilions' batches; the batches go out when their windows end.
        if (!(await deps.outbox.joinBatches(item.record, now))) tally.skipped++;
      } else await deliverShopperMail(deps, item.record, now, tally);
    } catch (error) {
      // One item's trouble (the table, the order) must not hold up the others; its claim lapses and it is tried again.
      const about = item.kind === 'batch' ? { pavilion: item.batch.pavilion } : { orderId: item.record.orderId, mailId: item.record.mailId };
      deps.telemetry.error('mail delivery failed', { ...about, error: (error as Error).name });
    }
  }
  if (tally.sent || tally.failed || tally.retried) deps.telemetry.info('mail delivered', { ...tally });
  return tally;
}

async function deliverShopperMail(deps: MailDeps, record: OutboxRecord, now: string, tally: DeliveryTally): Promise<void> {
  const claimId = crypto.randomUUID();
  if (!(await deps.outbox.claim(record, claimId, { now, until: claimLeaseUntil(now), dueBy: now }))) {
    tally.skipped++;
    return;
  }
  const stored = await deps.orders.get(record.orderId);
  const rendered = stored ? renderShopperMail(deps.publicBaseUrl, stored, record) : null;
  if (!stored || !rendered) {
    // The order or what the mail is about is gone: nothing sensible to send.
    await deps.outbox.markFailed(record, claimId, now, 'nothing_to_render');
    tally.failed++;
    deps.telemetry.count('MailFailed');
    return;
  }
  const message: MailMessage = { to: stored.order.email, ...rendered, orderId: record.orderId, reference: `${record.orderId}/${record.mailId}`, kind: record.kind };
  await send(deps, { ...record, attempts: (record.attempts ?? 0) + 1 }, claimId, message, now, tally);
}

/** What the shopper's record says, from the order as it stands now (domain/mail/messages.ts). */
export function renderShopperMail(publicBaseUrl: string, stored: StoredOrder, record: OutboxRecord): RenderedMail | null {
  switch (record.kind) {
    case 'order_confirmed':
      return orderConfirmedMail(stored, record.orderToken ? orderPageUrl(publicBaseUrl, stored.order, record.orderToken) : null);
    case 'line_shipped':
      return record.lineNo === undefined ? null : lineShippedMail(stored, record.lineNo);
    case 'refunded': {
      const refund = stored.refunds.find((candidate) => candidate.refundId === record.refundId);
      return refund ? refundedMail(stored, refund) : null;
    }
    case 'return_accepted':
      return record.lineNo === undefined ? null : returnAcceptedMail(stored, record.lineNo);
    default:
      return null;
  }
}

/**
 * One mail for the orders in a pavilion's batch: the window opened by its first order has ended, and
 * every order that joined since goes in the same mail, so a pavilion hears at most about once per
 * window however many orders arrive.
 */
async function deliverPavilionBatch(deps: MailDeps, pavilion: PavilionCode, now: string, tally: DeliveryTally): Promise<void> {
  const claimId = crypto.randomUUID();
  const batch = await deps.outbox.claimBatch(pavilion, claimId, { now, until: claimLeaseUntil(now) });
  if (!batch) {
    tally.skipped++;
    return;
  }
  const contact = await deps.contacts.getContact(pavilion);
  if (!contact) {
    await deps.outbox.batchFailed(pavilion, claimId, batch.orderIds, now, 'no_pavilion_contact');
    tally.failed++;
    deps.telemetry.count('MailFailed');
    deps.telemetry.error('pavilion has no order contact; its new-order mail cannot go out', { pavilion, orders: batch.orderIds.length });
    return;
  }
  const lines: OrderLine[] = [];
  for (const orderId of batch.orderIds) {
    const stored = await deps.orders.get(orderId);
    // Lines refunded before the batch left are not news any more.
    for (const line of stored?.lines ?? []) if (line.pavilion === pavilion && line.fulfilment === 'to_ship') lines.push(line);
  }
  if (lines.length === 0) {
    await deps.outbox.batchSent(pavilion, claimId, batch.orderIds, now);
    return;
  }
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  const rendered = pavilionNewLinesMail(contact.language, lines, `${base}/pavilion/orders/`);
  const message: MailMessage = { to: contact.email, ...rendered, reference: `pavilion/${pavilion}/${batch.dueAt}`, kind: 'pavilion_new_lines' };
  const attempts = batch.attempts ?? 1;
  try {
    await deps.mailer.send(message);
  } catch (error) {
    const final = error instanceof MailRejectedError || attempts >= MAX_SEND_ATTEMPTS;
    if (final) {
      await deps.outbox.batchFailed(pavilion, claimId, batch.orderIds, now, error instanceof MailRejectedError ? error.reason : 'service_unavailable');
      tally.failed++;
      deps.telemetry.count('MailFailed');
    } else {
      await deps.outbox.releaseBatch(pavilion, claimId, retryAt(now, attempts));
      tally.retried++;
    }
    deps.telemetry.warn('mail not sent', { kind: message.kind, pavilion, attempts, final, error: (error as Error).name });
    return;
  }
  await deps.outbox.batchSent(pavilion, claimId, batch.orderIds, deps.clock.now().toISOString());
  tally.sent++;
  deps.telemetry.count('MailSent');
}

async function send(deps: MailDeps, record: OutboxRecord, claimId: string, message: MailMessage, now: string, tally: DeliveryTally): Promise<void> {
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(message));
  } catch (error) {
    const attempts = record.attempts ?? 1;
    const final = error instanceof MailRejectedError || attempts >= MAX_SEND_ATTEMPTS;
    if (final) {
      await deps.outbox.markFailed(record, claimId, now, error instanceof MailRejectedError ? error.reason : 'service_unavailable');
      tally.failed++;
      deps.telemetry.count('MailFailed');
    } else {
      await deps.outbox.release(record, claimId, retryAt(now, attempts));
      tally.retried++;
    }
    deps.telemetry.warn('mail not sent', { kind: message.kind, orderId: message.orderId, attempts, final, error: (error as Error).name });
    return;
  }
  await deps.outbox.markSent(record, claimId, { at: deps.clock.now().toISOString(), subject: message.subject, providerMessageId: messageId });
  tally.sent++;
  deps.telemetry.count('MailSent');
}
