import Stripe from 'stripe';
import type { LocalCharge, LocalRefund } from './refunds.js';
import { newId, type LocalSession } from './sessions.js';

/** What an event may carry: a Checkout Session, a refund, or a charge. */
export type LocalEventObject = LocalSession | LocalRefund | LocalCharge;

export interface LocalEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: LocalEventObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
}

export interface DeliveryRecord {
  readonly event: LocalEvent;
  attempts: number;
  /** HTTP status of the last attempt, or 0 when the endpoint could not be reached. */
  lastStatus: number;
  delivered: boolean;
}

/** Signs with the same helper and scheme Stripe uses (t=<timestamp>,v1=<HMAC-SHA256>). */
const signer = new Stripe('sk_test_local_signer', { telemetry: false });

/**
 * Sends events to the webhook endpoint like Stripe: signed JSON, retried with backoff on anything
 * but a 2xx (Stripe retries for three days; here the delays are short and bounded).
 */
export class WebhookSender {
  readonly log: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly webhookUrl: string | (() => string),
    private readonly secret: string,
    private readonly retryDelaysMs: readonly number[],
  ) {}

  /** Builds the event, starts delivering it, and resolves after the first attempt. */
  async send(type: string, object: LocalEventObject): Promise<DeliveryRecord> {
    const event: LocalEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    const record: DeliveryRecord = { event, attempts: 0, lastStatus: 0, delivered: false };
    this.log.push(record);
    await this.attempt(record);
    return record;
  }

  /** Delivers an already-sent event again (as Stripe does on a retry or a manual resend). */
  async resend(eventId: string): Promise<number> {
    const record = this.log.find((candidate) => candidate.event.id === eventId);
    if (!record) throw new Error(`No event ${eventId}`);
    return this.post(record.event);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(record: DeliveryRecord): Promise<void> {
    if (this.stopped) return;
    record.attempts += 1;
    record.lastStatus = await this.post(record.event);
    record.delivered = record.lastStatus >= 200 && record.lastStatus < 300;
    const delay = this.retryDelaysMs[record.attempts - 1];
    if (!record.delivered && delay !== undefined && !this.stopped) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(record);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
  }

  private async post(event: LocalEvent): Promise<number> {
    const payload = JSON.stringify(event, null, 2);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: this.secret });
    try {
      const url = typeof this.webhookUrl === 'function' ? this.webhookUrl() : this.webhookUrl;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }
}
