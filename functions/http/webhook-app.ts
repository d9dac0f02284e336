import { Hono } from 'hono';
import { settleDelivery } from '../usecases/settle-payment.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { jsonBodyGuard } from './body-guards.js';
import { problem } from './problem.js';

/** Stripe's webhook, as webhook-contract.ts describes it. Plain Hono: its function then bundles no classic zod and no OpenAPI router. */
export function createWebhookApp(deps: Pick<ShopDeps, 'orders' | 'refunds' | 'payments' | 'clock' | 'telemetry' | 'ledger' | 'refusedEvents'>) {
  const app = new Hono();
  app.use('/webhooks/stripe', jsonBodyGuard(256 * 1024));

  app.post('/webhooks/stripe', async (c) => {
    const signature = c.req.header('stripe-signature');
    if (!signature) return problem(400, 'Missing Stripe-Signature header');
    const outcome = await settleDelivery(deps, await c.req.text(), signature);
    if (outcome.result === 'bad_signature') return problem(400, 'The signature does not verify', { detail: 'Bad, stale or foreign Stripe-Signature.' });
    if (outcome.result === 'mismatch') return problem(422, 'The event does not match its order', { detail: outcome.reason });
    return c.json(
      {
        received: true as const,
        result: outcome.result,
        ...(outcome.result === 'applied' ? { status: outcome.status, ...(outcome.refundStatus ? { refundStatus: outcome.refundStatus } : {}) } : {}),
      },
      200,
    );
  });

  return app;
}
