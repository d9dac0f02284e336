import { readConfig } from '../config.js';
import { resendUnsentRefunds } from '../usecases/refunds.js';
import { sweepExpiredOrders } from '../usecases/sweep-expired-orders.js';
import { wireBase } from './wire-common.js';
import { wireSettleDeps } from './wire-shop.js';
import { loggingFailures } from './log-failures.js';

const deps = wireSettleDeps(wireBase(readConfig()));

/**
 * Runs on a schedule (every few minutes): releases the stock of orders nobody paid in time, and sends
 * again the refunds the payment provider could not be reached for.
 */
export const handler = loggingFailures(async function invoke(): Promise<{ released: number; postponed: number; settled: number; skipped: number; failed: number; refundsSent: number }> {
  // The use cases log and count what they did.
  const swept = await sweepExpiredOrders(deps, deps.clock.now());
  const refunds = await resendUnsentRefunds(deps, deps.clock.now());
  return { ...swept, refundsSent: refunds.sent };
});
