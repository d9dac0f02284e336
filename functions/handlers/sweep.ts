import { lazyDeps } from '../usecases/lazy-deps.js';
import { resendUnsentRefunds } from '../usecases/refunds.js';
import { SHOP_DEPS, type ShopDeps } from '../usecases/shop-deps.js';
import { sweepExpiredOrders } from '../usecases/sweep-expired-orders.js';
import { wireDeps } from './wire.js';

const deps = lazyDeps<ShopDeps>(wireDeps(), SHOP_DEPS);

/**
 * Runs on a schedule (every few minutes): releases the stock of orders nobody paid in time, and sends
 * again the refunds the payment provider could not be reached for.
 */
export async function handler(): Promise<{ released: number; postponed: number; settled: number; skipped: number; failed: number; refundsSent: number }> {
  // The use cases log and count what they did.
  const swept = await sweepExpiredOrders(deps, deps.clock.now());
  const refunds = await resendUnsentRefunds(deps, deps.clock.now());
  return { ...swept, refundsSent: refunds.sent };
}
