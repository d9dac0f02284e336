import { wordsIn, type ConsoleLanguage } from './i18n.js';

/**
 * Why an operator route gave no document, read from its status and problem+json body
 * (functions/http/operator-customs.ts): the console signs in again on 401, says "not an operator"
 * on 403, and explains 404 and 409 in the operator's language.
 */
export type Refusal =
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unpaid'; readonly orderStatus: string }
  | { readonly kind: 'failed'; readonly reason: string };

export function refusalOf(status: number, body: unknown): Refusal {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (status === 401) return { kind: 'signed-out' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) return { kind: 'missing' };
  if (status === 409) return { kind: 'unpaid', orderStatus: typeof problem.orderStatus === 'string' ? problem.orderStatus : 'unpaid' };
  const title = typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  return { kind: 'failed', reason: typeof problem.detail === 'string' ? `${title}: ${problem.detail}` : title };
}

/** What the result area says for a refusal that is about the order, not about who is signed in. */
export function refusalMessage(refusal: Extract<Refusal, { kind: 'missing' | 'unpaid' | 'failed' }>, orderId: string, lang: ConsoleLanguage): string {
  switch (refusal.kind) {
    case 'missing':
      return wordsIn(lang, 'result.missing', { orderId });
    case 'unpaid':
      return wordsIn(lang, 'result.unpaid', { orderId, status: refusal.orderStatus });
    case 'failed':
      return wordsIn(lang, 'result.failed', { reason: refusal.reason });
  }
}
