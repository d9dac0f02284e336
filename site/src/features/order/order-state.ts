import { ORDER_ID, ORDER_TOKEN } from '../../../../functions/domain/order.js';
import type { OrderLineView, OrderStatus } from '../cart/api-types.js';

/**
 * The order page waits for Stripe's webhook to mark the order paid: it asks every 1.5 s for up
 * to two minutes, then stops and suggests a refresh (the webhook may be retried for hours).
 */
export const ORDER_POLL_EVERY_MS = 1500;
export const ORDER_POLL_FOR_MS = 120_000;

export interface OrderLink {
  readonly id: string;
  readonly token: string;
}

/**
 * The order id and token the page was opened with: the id from the query, the token from the
 * fragment (`?id=ORD-…#token=…`, the success URL: a fragment never reaches a server or its access log).
 * A token in the query is never read: it would already sit in the access logs. A reload or a language
 * switch that lost the fragment finds the token this tab remembered for that id.
 * Null when the id or the token is missing or malformed.
 */
export function orderLinkFrom(search: string, hash: string, remembered: (id: string) => string | null = () => null): OrderLink | null {
  const id = new URLSearchParams(search).get('id') ?? '';
  if (!ORDER_ID.test(id)) return null;
  const candidates = [new URLSearchParams(hash.replace(/^#/, '')).get('token'), remembered(id)];
  const token = candidates.find((candidate): candidate is string => candidate !== null && ORDER_TOKEN.test(candidate));
  return token ? { id, token } : null;
}

/** Where the order page should be for this order: the id in the query, the token only in the fragment. */
export function orderPageSuffix(link: OrderLink): string {
  return `?id=${encodeURIComponent(link.id)}#token=${link.token}`;
}

/** The sessionStorage key under which a tab remembers an order's token. */
export const orderTokenKey = (id: string) => `sco-order-token:${id}`;

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
    case 'partially_refunded':
      return 'warn';
    case 'expired':
    case 'payment_failed':
    case 'cancelled':
    case 'refunded':
      return 'bad';
  }
}

/** A line's fulfilment chip, in the storefront's tones (styles/storefront.css): to ship is news, shipped is done, awaiting payment has none. */
export function fulfilmentTone(fulfilment: OrderLineView['fulfilment']): 'info' | 'ok' | null {
  if (fulfilment === 'to_ship') return 'info';
  return fulfilment === 'shipped' ? 'ok' : null;
}
