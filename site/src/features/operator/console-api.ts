import type { z } from '@hono/zod-openapi';
import type { OperatorRefundAnswerSchema } from '../../../../functions/http/schemas/after-sale.js';
import type {
  AttentionAnswerSchema,
  OperatorOrderFileSchema,
  OrderSearchAnswerSchema,
  PavilionActionAnswerSchema,
  PavilionListSchema,
} from '../../../../functions/http/schemas/operator-console.js';
import { currentToken, forgetToken } from './session.js';

export type AttentionItem = z.infer<typeof AttentionAnswerSchema>['items'][number];
export type OrderFile = z.infer<typeof OperatorOrderFileSchema>;
export type OrderSummary = z.infer<typeof OrderSearchAnswerSchema>['items'][number];
export type OperatorPavilion = z.infer<typeof PavilionListSchema>['items'][number];
export type RefundAnswer = z.infer<typeof OperatorRefundAnswerSchema>;
export type PavilionActionAnswer = z.infer<typeof PavilionActionAnswerSchema>;

/** An answer, or why not: signed out (401), not an operator (403), or the problem's own words. */
export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

/** The console's calls to /api/operator (functions/http/operator-console.ts, operator-pavilions.ts, operator-refunds.ts). */
async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const token = currentToken();
  if (!token) return { ok: false, status: 401, message: '' };
  const response = await fetch(`/api/operator${path}`, {
    method,
    cache: 'no-store',
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 401) forgetToken();
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, value: json as T };
  const errors = Array.isArray(json.errors) ? (json.errors as { field: string; message: string }[]).map((error) => `${error.field}: ${error.message}`).join('; ') : '';
  const message = [json.title, json.detail, errors].filter((part) => typeof part === 'string' && part !== '').join(' — ');
  return { ok: false, status: response.status, message: message || `HTTP ${response.status}` };
}

export const attention = () => call<z.infer<typeof AttentionAnswerSchema>>('GET', '/attention');
export const orderFile = (orderId: string) => call<OrderFile>('GET', `/orders/${encodeURIComponent(orderId)}`);
// The email in a body: an address in a URL would reach the access logs.
export const ordersByEmail = (email: string) => call<z.infer<typeof OrderSearchAnswerSchema>>('POST', '/orders/search', { email });
export const refund = (orderId: string, request: { lineNo?: number; reason: string; restock?: boolean }) =>
  call<RefundAnswer>('POST', `/orders/${encodeURIComponent(orderId)}/refund`, request);
export const pavilions = () => call<z.infer<typeof PavilionListSchema>>('GET', '/pavilions');
export const inviteManager = (code: string, email: string) => call<PavilionActionAnswer>('POST', `/pavilions/${code}/managers`, { email });
export const suspendPavilion = (code: string, reason: string) => call<PavilionActionAnswer>('POST', `/pavilions/${code}/suspension`, { reason });
export const reinstatePavilion = (code: string, reason: string) => call<PavilionActionAnswer>('POST', `/pavilions/${code}/reinstatement`, { reason });
