import type { OrderStore, StoredOrder } from '../ports/order-store.js';
import { sameDigest, sha256Hex } from './ids.js';

/**
 * The order its token opens, or null. Only the token's hash is stored, compared in constant time;
 * a wrong token and a missing order give the same null, so the answer never confirms an id exists.
 */
export async function orderForShopper(deps: { readonly orders: Pick<OrderStore, 'get'> }, orderId: string, token: string): Promise<StoredOrder | null> {
  const stored = await deps.orders.get(orderId);
  if (!stored || !sameDigest(stored.order.tokenHash, await sha256Hex(token))) return null;
  return stored;
}
