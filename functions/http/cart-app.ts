import { createRoute, type z } from '@hono/zod-openapi';
import { CartFullError, cartExpiresAt, emptyCart, MAX_CART_LINES, setLineQuantity, type Cart } from '../domain/cart.js';
import { goodsValueInCny, PER_ORDER_LIMIT_CNY, withinPerOrderLimit } from '../domain/cross-border.js';
import { rateBetween } from '../domain/exchange-rates.js';
import { availableUnits } from '../domain/inventory.js';
import { money, type CurrencyCode } from '../domain/money.js';
import { fitsOnePayment, STRIPE_MAX_AMOUNT } from '../domain/payment-methods.js';
import { chargeIn, priceCart, type Charge, type PricedLine } from '../domain/pricing.js';
import { CartVersionConflictError } from '../ports/cart-store.js';
import { loadProducts } from '../usecases/load-products.js';
import { newCartId } from '../usecases/secrets.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { jsonBodyGuard } from './body-guards.js';
import { ProblemError, problemResponses } from './problem.js';
import { createRouter } from './router.js';
import { CartLineParams, CartParams, CartQuery, CartSchema, SetQuantityBody } from './schemas/cart.js';

export type CartDeps = Pick<ShopDeps, 'catalogue' | 'carts' | 'clock'>;

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
  responses: { 200: cartAnswer, ...problemResponses(400, 404) },
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
  responses: { 200: cartAnswer, ...problemResponses(400, 404, 409, 413, 415) },
});

/** Two tabs changing one cart at once: the loser re-reads and applies its change again. */
const MAX_CART_WRITE_ATTEMPTS = 5;

export function createCartApp(deps: CartDeps) {
  const app = createRouter();
  app.use('/carts', jsonBodyGuard(1024));
  app.use('/carts/*', jsonBodyGuard(1024));

  app.openapi(createCart, async (c) => {
    const cart = emptyCart(newCartId(), deps.clock.now().toISOString());
    await deps.carts.create(cart);
    c.header('cache-control', 'no-store');
    return c.json(await cartView(deps, cart, 'CNY'), 201);
  });

  app.openapi(getCart, async (c) => {
    const { id } = c.req.valid('param');
    const { currency } = c.req.valid('query');
    const cart = await deps.carts.get(id, deps.clock.now());
    if (!cart) throw noSuchCart(id);
    c.header('cache-control', 'no-store');
    return c.json(await cartView(deps, cart, currency), 200);
  });

  app.openapi(setLine, async (c) => {
    const { id, productId } = c.req.valid('param');
    const { currency } = c.req.valid('query');
    const { quantity } = c.req.valid('json');
    for (let attempt = 1; ; attempt++) {
      const now = deps.clock.now();
      const cart = await deps.carts.get(id, now);
      if (!cart) throw noSuchCart(id);
      const inCart = cart.lines.some((line) => line.productId === productId);
      if (quantity > 0 || !inCart) {
        const product = await deps.catalogue.getProduct(productId);
        if (!product || product.status !== 'active') {
          throw new ProblemError(404, 'No such product', { detail: `There is no product ${productId} for sale.`, errors: [{ field: 'productId', message: 'no such product' }] });
        }
        const available = availableUnits(product);
        if (quantity > available) {
          throw new ProblemError(409, 'Not enough stock', {
            detail: available === 0 ? 'This product is sold out.' : `Only ${available} left.`,
            productId,
            requested: quantity,
            available,
          });
        }
      }
      let next: Cart;
      try {
        next = setLineQuantity(cart, productId, quantity, now.toISOString());
      } catch (error) {
        if (error instanceof CartFullError) throw new ProblemError(409, 'The cart is full', { detail: `A cart holds at most ${MAX_CART_LINES} different products.` });
        throw error;
      }
      // The answer is worked out before the save: whatever fails, fails with the cart unchanged.
      const view = await cartView(deps, next, currency);
      try {
        await deps.carts.save(next, cart.version);
      } catch (error) {
        if (error instanceof CartVersionConflictError && attempt < MAX_CART_WRITE_ATTEMPTS) continue;
        throw error;
      }
      c.header('cache-control', 'no-store');
      return c.json(view, 200);
    }
  });

  return app;
}

function noSuchCart(id: string): ProblemError {
  return new ProblemError(404, 'No such cart', { detail: `Cart ${id} does not exist or has lapsed. POST /api/carts starts a new one.` });
}

/** The cart as the site shows it: every figure computed here, from the catalogue as it is now. */
export async function cartView(deps: Pick<CartDeps, 'catalogue'>, cart: Cart, currency: CurrencyCode): Promise<z.infer<typeof CartSchema>> {
  const priced = priceCart(cart, await loadProducts(deps.catalogue, cart.lines.map((line) => line.productId)));
  const buyable = priced.lines.filter((line) => line.status !== 'unavailable');
  const charge = chargeIn(buyable, currency, rateBetween);
  return {
    id: cart.id,
    lines: priced.lines.map(({ productVersion, ...line }) => line),
    itemCount: buyable.reduce((sum, line) => sum + line.quantity, 0),
    subtotals: [...priced.subtotals],
    checkoutTotal: checkoutTotalOf(charge, buyable, currency),
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
    expiresAt: cartExpiresAt(cart.updatedAt),
  };
}

/**
 * Whether checkout would take this total, and why not. The cross-border limit comes first: it
 * holds in every currency, so choosing another currency (the remedy for a too-large amount) cannot lift it.
 */
function checkoutTotalOf(charge: Charge, buyable: readonly PricedLine[], currency: CurrencyCode): z.infer<typeof CartSchema>['checkoutTotal'] {
  const shown = { total: charge.total, rates: [...charge.rates] };
  if (!withinPerOrderLimit(goodsValueInCny(buyable, rateBetween))) return { ...shown, payable: false, reason: 'over_cross_border_limit', limit: PER_ORDER_LIMIT_CNY };
  if (!fitsOnePayment(charge.total)) return { ...shown, payable: false, reason: 'amount_too_large', maxAmount: money(STRIPE_MAX_AMOUNT, currency) };
  return { ...shown, payable: true };
}
