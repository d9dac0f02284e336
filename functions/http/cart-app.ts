import { createRoute } from '@hono/zod-openapi';
import { CartRefusedError, setCartLine, startCart, viewCart, type CartDeps, type CartRefusal } from '../usecases/cart.js';
import { jsonBodyGuard } from './body-guards.js';
import { answerRefusals, ProblemError, type ProblemTable } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { createRouter } from './router.js';
import { CartLineParams, CartParams, CartQuery, CartSchema, SetQuantityBody } from './schemas/cart.js';

const cartAnswer = { description: 'The cart, priced from the catalogue now', content: { 'application/json': { schema: CartSchema } } };

const createCart = createRoute({
  method: 'post',
  path: '/carts',
  tags: ['Cart'],
  summary: 'Start an empty cart (keep its id in the cart_id cookie)',
  responses: { 201: cartAnswer, ...problemResponses(413, 415) },
});

const getCart = createRoute({
  method: 'get',
  path: '/carts/{id}',
  tags: ['Cart'],
  summary: 'A cart with current prices, stock, subtotals per currency and the checkout total',
  request: { params: CartParams, query: CartQuery },
  responses: { 200: cartAnswer, ...problemResponses(400, 404, 503) },
});

const setLine = createRoute({
  method: 'put',
  path: '/carts/{id}/lines/{productId}',
  tags: ['Cart'],
  summary: 'Set how many of a product the cart holds (0 removes the line)',
  request: {
    params: CartLineParams,
    query: CartQuery,
    body: { required: true, content: { 'application/json': { schema: SetQuantityBody } } },
  },
  responses: { 200: cartAnswer, ...problemResponses(400, 404, 409, 413, 415, 422, 503) },
});

/** Every refusal of the cart flows, with its answer. */
const CART_PROBLEMS: ProblemTable<CartRefusal> = {
  cart_missing: ({ cartId }) => new ProblemError(404, 'No such cart', { detail: `Cart ${cartId} does not exist or has lapsed. POST /api/carts starts a new one.` }),
  no_such_product: ({ productId }) =>
    new ProblemError(404, 'No such product', { detail: `There is no product ${productId} for sale.`, errors: [{ field: 'productId', message: 'no such product' }] }),
  not_sold_to_china: ({ productId, because }) =>
    new ProblemError(422, 'This product cannot be sent to China as a cross-border purchase', {
      detail: because === 'not_importable' ? 'Its HS code is not on China’s positive list for cross-border retail imports.' : 'Its listing has no HS code customs could declare yet.',
      productId,
      reason: because,
    }),
  not_enough_stock: ({ productId, requested, available }) =>
    new ProblemError(409, 'Not enough stock', { detail: available === 0 ? 'This product is sold out.' : `Only ${available} left.`, productId, requested, available }),
  cart_full: ({ maxLines }) => new ProblemError(409, 'The cart is full', { detail: `A cart holds at most ${maxLines} different products.` }),
  rates_unavailable: () =>
    new ProblemError(503, 'No exchange rates yet', {
      detail: 'This cart needs exchange rates and none have been loaded yet. Try again later.',
      reason: 'rates_unavailable',
    }),
};

export function createCartApp(deps: CartDeps) {
  const app = createRouter();
  app.onError(answerRefusals(CartRefusedError, CART_PROBLEMS));
  app.use('/carts', jsonBodyGuard(1024));
  app.use('/carts/*', jsonBodyGuard(1024));

  app.openapi(createCart, async (c) => {
    const cart = await startCart(deps);
    c.header('cache-control', 'no-store');
    return c.json(cart, 201);
  });

  app.openapi(getCart, async (c) => {
    const cart = await viewCart(deps, c.req.valid('param').id, c.req.valid('query').currency);
    c.header('cache-control', 'no-store');
    return c.json(cart, 200);
  });

  app.openapi(setLine, async (c) => {
    const { id, productId } = c.req.valid('param');
    const cart = await setCartLine(deps, { cartId: id, productId, quantity: c.req.valid('json').quantity, currency: c.req.valid('query').currency });
    c.header('cache-control', 'no-store');
    return c.json(cart, 200);
  });

  return app;
}
