import { ORDER_ID } from '../../../../functions/domain/order.js';
import type { OrderStatus } from './api-types.js';

/**
 * The order page waits for Stripe's webhook to mark the order paid: it asks every 1.5 s for up
 * to two minutes, then stops and suggests a refresh (the webhook may be retried for hours).
 */
export const ORDER_POLL_EVERY_MS = 1500;
export const ORDER_POLL_FOR_MS = 120_000;

const ORDER_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface OrderLink {
  readonly id: string;
  readonly token: string;
}

/** The order id and token from the success URL (?id=ORD-…&token=…), or null when they are missing or malformed. */
export function orderLinkFrom(search: string): OrderLink | null {
  const params = new URLSearchParams(search);
  const id = params.get('id') ?? '';
  const token = params.get('token') ?? '';
  return ORDER_ID.test(id) && ORDER_TOKEN.test(token) ? { id, token } : null;
}

/** Whether to ask again: while no answer has come yet or the payment is unconfirmed, within the time limit. */
export function keepPolling(status: OrderStatus | null, elapsedMs: number): boolean {
  if (elapsedMs >= ORDER_POLL_FOR_MS) return false;
  return status === null || status === 'pending_payment';
}

export type StatusTone = 'wait' | 'ok' | 'warn' | 'bad';

export function statusTone(status: OrderStatus): StatusTone {
  switch (status) {
    case 'pending_payment':
      return 'wait';
    case 'paid':
      return 'ok';
    case 'paid_needs_attention':
      return 'warn';
    case 'expired':
    case 'payment_failed':
      return 'bad';
  }
}
