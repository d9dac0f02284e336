import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from './problem-responses.js';

const WebhookAnswer = z
  .object({
    received: z.literal(true),
    result: z.enum(['applied', 'duplicate', 'no_change', 'ignored', 'unknown_order']),
    status: z.string().optional().openapi({ description: 'The order’s status after the event' }),
    refundStatus: z.string().optional().openapi({ description: 'For a refund event: the refund’s status after it' }),
  })
  .openapi('WebhookAnswer');

/*
 * Stripe's webhook as the OpenAPI document describes it (openapi-document.ts). The webhook function serves it
 * from webhook-app.ts, a plain Hono app that validates nothing with zod (Stripe's signature covers the raw bytes,
 * which a JSON validator would re-serialise), so it bundles none of this.
 */
export const stripeWebhook = createRoute({
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

/** Paths are relative to /api, as every app's are. */
export const WEBHOOK_ROUTES = [stripeWebhook] as const;
