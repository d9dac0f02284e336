import { lazyDeps } from '../usecases/lazy-deps.js';
import { SHOP_DEPS, type ShopDeps } from '../usecases/shop-deps.js';
import { sweepExpiredOrders } from '../usecases/sweep-expired-orders.js';
import { wireDeps } from './wire.js';

const deps = lazyDeps<ShopDeps>(wireDeps(), SHOP_DEPS);

/** Runs on a schedule (every few minutes): releases the stock of orders nobody paid in time. */
export async function handler(): Promise<{ released: number; postponed: number; skipped: number }> {
  // The use case logs and counts what it released.
  return sweepExpiredOrders(deps, deps.clock.now());
}
