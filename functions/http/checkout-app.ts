import { createRoute } from '@hono/zod-openapi';
import { formatMoney } from '../domain/money.js';
import { CheckoutRefusedError, placeOrder } from '../usecases/checkout.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { jsonBodyGuard } from './body-guards.js';
import { ProblemError, problemResponses } from './problem.js';
import { createRouter } from './router.js';
import { CheckoutAnswerSchema, CheckoutRequestSchema } from './schemas/checkout.js';

const checkout = createRoute({
  method: 'post',
  path: '/checkout',
  tags: ['Checkout'],
  summary: 'Reserve the cart’s stock and open a Stripe Checkout Session in one currency',
  description:
    'Re-prices every line from the catalogue, reserves all of them or none, and answers with the URL to pay at. ' +
    'The reservation lasts 30 minutes. Prices or totals sent by the client are ignored.',
  request: { body: { required: true, content: { 'application/json': { schema: CheckoutRequestSchema } } } },
  responses: {
    201: { description: 'Order placed, stock held; send the shopper to checkoutUrl', content: { 'application/json': { schema: CheckoutAnswerSchema } } },
    ...problemResponses(400, 404, 409, 413, 415, 422, 502),
  },
});

export function createCheckoutApp(deps: ShopDeps) {
  const app = createRouter();
  app.use('/checkout', jsonBodyGuard(4096));

  app.openapi(checkout, async (c) => {
    const request = c.req.valid('json');
    try {
      const placed = await placeOrder(deps, request);
      c.header('cache-control', 'no-store');
      return c.json(
        { orderId: placed.orderId, checkoutUrl: placed.checkoutUrl, orderToken: placed.token, expiresAt: placed.expiresAt, total: placed.total },
        201,
      );
    } catch (error) {
      if (error instanceof CheckoutRefusedError) throw toProblem(error);
      throw error;
    }
  });

  return app;
}

/** Every refusal also carries `reason` (the refusal's name), so a client tells two 409s or two 422s apart without reading titles. */
function toProblem({ refusal }: CheckoutRefusedError): ProblemError {
  const problem = describe(refusal);
  return new ProblemError(problem.status, problem.title, { ...problem.extra, reason: refusal.reason });
}

function describe(refusal: CheckoutRefusedError['refusal']): ProblemError {
  switch (refusal.reason) {
    case 'cart_missing':
      return new ProblemError(404, 'No such cart', { detail: 'The cart does not exist or has lapsed.', errors: [{ field: 'cartId', message: 'no such cart' }] });
    case 'cart_empty':
      return new ProblemError(409, 'The cart is empty', { detail: 'Add something to the cart first.' });
    case 'lines_refused':
      return new ProblemError(409, 'Some lines cannot be bought as they are', {
        detail: refusal.lines
          .map((line) => (line.reason === 'unavailable' ? `${line.productId} is no longer sold` : `${line.productId}: ${line.available} left, ${line.requested} asked`))
          .join('; '),
        lines: refusal.lines,
      });
    case 'amount_too_large':
      return new ProblemError(422, 'The order is too large to pay in one go', {
        detail: `The payment provider takes at most 99,999,999 minor units of ${refusal.total.currency}; split the order or choose another currency.`,
        total: refusal.total,
      });
    case 'over_cross_border_limit':
      return new ProblemError(422, 'The order is over China’s cross-border limit', {
        detail: `China’s cross-border e-commerce rules allow at most ${formatMoney(refusal.limit, 'en')} of goods per order; this one comes to ${formatMoney(refusal.value, 'en')}. Remove some items to continue.`,
        value: refusal.value,
        limit: refusal.limit,
      });
    case 'checkout_in_progress':
      return new ProblemError(409, 'This cart is being checked out already', {
        detail: 'Another checkout of this cart (another tab?) is under way. Pay there, or try again in a moment.',
      });
    case 'earlier_checkout_paid':
      return new ProblemError(409, 'This cart has been paid for', {
        detail: 'The payment of the earlier checkout of this cart went through or is on its way; its order page shows its state.',
      });
    case 'provider_refused':
      return new ProblemError(422, 'The payment provider refused this checkout', {
        detail: `Nothing was reserved or charged. The provider said: ${refusal.message}`,
      });
    case 'provider_failed':
      return new ProblemError(502, 'The payment provider is not answering', { detail: 'Nothing was reserved or charged. Try again in a moment.' });
  }
}
