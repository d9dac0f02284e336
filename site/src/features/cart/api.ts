import type { CurrencyCode } from '../../../../functions/domain/money.js';
import type { CartView, CheckoutAnswer, CheckoutRequest, OrderView, Problem } from './api-types.js';

/**
 * The shop API as the islands use it. Every call answers a value, never throws:
 * status 0 means no answer at all (offline, blocked), with no problem body.
 */
export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly body: T } | { readonly ok: false; readonly status: number; readonly problem: Problem | null };

async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, problem: null };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // An empty or non-JSON body (a proxy's error page): the status alone has to do.
  }
  if (response.ok && parsed !== null && typeof parsed === 'object') return { ok: true, status: response.status, body: parsed as T };
  const problem = parsed !== null && typeof parsed === 'object' && 'status' in parsed ? (parsed as Problem) : null;
  return { ok: false, status: response.ok ? 0 : response.status, problem };
}

const cartPath = (id: string) => `/api/carts/${encodeURIComponent(id)}`;

export const shopApi = {
  createCart: () => call<CartView>('POST', '/api/carts', {}),
  getCart: (id: string, currency: CurrencyCode) => call<CartView>('GET', `${cartPath(id)}?currency=${currency}`),
  setLine: (id: string, productId: string, quantity: number, currency: CurrencyCode) =>
    call<CartView>('PUT', `${cartPath(id)}/lines/${encodeURIComponent(productId)}?currency=${currency}`, { quantity }),
  checkout: (request: CheckoutRequest) => call<CheckoutAnswer>('POST', '/api/checkout', request),
  // The token goes in a header, never the query: query strings are written to CloudFront's access logs.
  order: (id: string, token: string) => call<OrderView>('GET', `/api/orders/${encodeURIComponent(id)}`, undefined, { 'x-order-token': token }),
  cancelOrder: (id: string, token: string) => call<OrderView>('POST', `/api/orders/${encodeURIComponent(id)}/cancel`, undefined, { 'x-order-token': token }),
  returnLine: (id: string, token: string, lineNo: number, reason: string) =>
    call<OrderView>('POST', `/api/orders/${encodeURIComponent(id)}/lines/${lineNo}/return`, { reason }, { 'x-order-token': token }),
};
