import { createRoute, z } from '@hono/zod-openapi';
import { settleDelivery } from '../usecases/settle-payment.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { jsonBodyGuard } from './body-guards.js';
import { problem } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { createRouter } from './router.js';

const WebhookAnswer = z
  .object({
    received: z.literal(true),
    result: z.enum(['applied', 'duplicate', 'no_change', 'ignored', 'unknown_order']),
    status: z.string().optional().openapi({ description: 'The order’s status after the event' }),
    refundStatus: z.string().optional().openapi({ description: 'For a refund event: the refund’s status after it' }),
  })
  .openapi('WebhookAnswer');

/** Documented with createRoute, served by a plain route: the signature covers the raw bytes, which a JSON validator would re-serialise. */
const stripeWebhook = createRoute({
  method: 'post',
  path: '/webhooks/stripe',
  tags: ['Webhooks'],
  summary: 'Stripe events about Checkout Sessions and refunds (signed; each event id takes effect once)',
  description:
    'Acts on checkout.session.completed, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed ' +
    'and checkout.session.expired, and on refund.created, refund.updated, refund.failed and charge.refunded for refunds this store asked for ' +
    '(their metadata names the refund); answers 200 to any other verified event. A bad or stale (older than 300 s) signature gets 400; ' +
    'an event whose amount does not match its order or refund gets 422.',
  request: {
    headers: z.object({ 'stripe-signature': z.string().openapi({ example: 't=1700000000,v1=5257a869...' }) }),
    body: { required: true, content: { 'application/json': { schema: z.object({ id: z.string(), type: z.string() }).passthrough() } } },
  },
  responses: {
    200: { description: 'Event received', content: { 'application/json': { schema: WebhookAnswer } } },
    ...problemResponses(400, 413, 415, 422),
  },
});

export function createWebhookApp(deps: Pick<ShopDeps, 'orders' | 'refunds' | 'payments' | 'clock' | 'telemetry' | 'ledger' | 'refusedEvents'>) {
  const app = createRouter();
  app.openAPIRegistry.registerPath(stripeWebhook);
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
