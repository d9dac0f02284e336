import { ORDER_STATUSES, type OrderStatus } from '../../../../functions/domain/order.js';
import type { CustomsDocumentResult } from '../../../../functions/usecases/customs-document.js';
import { wordsIn, type ConsoleLanguage } from './i18n.js';

/** Why a paid order still has no customs document (functions/usecases/customs-document.ts). */
export type NotDeclarableReason = Extract<CustomsDocumentResult, { kind: 'not_declarable' }>['reason'];
const NOT_DECLARABLE_REASONS: readonly NotDeclarableReason[] = ['over_yearly_limit', 'no_buyer_details'];

/**
 * Why an operator route gave no document, read from its status and problem+json body
 * (functions/http/operator-customs.ts): the console signs in again on 401, says "not an operator"
 * on 403, and explains 404 and 409 in the operator's language. A 409 is either an order that is
 * not paid (`orderStatus`) or a paid one that may not be declared (`reason`).
 */
export type Refusal =
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'missing' }
  /** orderStatus is null when the answer did not say which. */
  | { readonly kind: 'unpaid'; readonly orderStatus: OrderStatus | null }
  | { readonly kind: 'not_declarable'; readonly reason: NotDeclarableReason }
  | { readonly kind: 'failed'; readonly reason: string };

export function refusalOf(status: number, body: unknown): Refusal {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (status === 401) return { kind: 'signed-out' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) return { kind: 'missing' };
  if (status === 409 && isOneOf(problem.reason, NOT_DECLARABLE_REASONS)) return { kind: 'not_declarable', reason: problem.reason };
  if (status === 409 && problem.reason === undefined) return { kind: 'unpaid', orderStatus: isOneOf(problem.orderStatus, ORDER_STATUSES) ? problem.orderStatus : null };
  const title = typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  return { kind: 'failed', reason: typeof problem.detail === 'string' ? `${title}: ${problem.detail}` : title };
}

/** What the result area says for a refusal that is about the order, not about who is signed in. */
export function refusalMessage(refusal: Extract<Refusal, { kind: 'missing' | 'unpaid' | 'not_declarable' | 'failed' }>, orderId: string, lang: ConsoleLanguage): string {
  switch (refusal.kind) {
    case 'missing':
      return wordsIn(lang, 'result.missing', { orderId });
    case 'unpaid':
      return wordsIn(lang, 'result.unpaid', { orderId, status: wordsIn(lang, refusal.orderStatus ? `status.${refusal.orderStatus}` : 'status.unknown') });
    case 'not_declarable':
      return wordsIn(lang, refusal.reason === 'over_yearly_limit' ? 'result.overYearlyLimit' : 'result.noBuyerDetails', { orderId });
    case 'failed':
      return wordsIn(lang, 'result.failed', { reason: refusal.reason });
  }
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return (allowed as readonly unknown[]).includes(value);
}
