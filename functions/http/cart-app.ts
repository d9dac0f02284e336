import { createRoute, type z } from '@hono/zod-openapi';
import { CartFullError, cartExpiresAt, emptyCart, MAX_CART_LINES, setLineQuantity, type Cart } from '../domain/cart.js';
import type { CrossBorderQuote } from '../domain/cross-border-quote.js';
import { PER_ORDER_LIMIT_CNY, withinPerOrderLimit } from '../domain/cross-border.js';
import { availableUnits } from '../domain/inventory.js';
import { money, type CurrencyCode } from '../domain/money.js';
import { fitsOnePayment, STRIPE_MAX_AMOUNT } from '../domain/payment-methods.js';
import { unavailableReason } from '../domain/pricing.js';
import { CartVersionConflictError } from '../ports/cart-store.js';
import { quoteCart } from '../usecases/quote-cart.js';
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
  responses: { 200: cartAnswer, ...problemResponses(400, 404, 409, 413, 415, 422) },
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
        const reason = product ? unavailableReason(product) : 'archived';
        if (!product || reason === 'archived') {
          throw new ProblemError(404, 'No such product', { detail: `There is no product ${productId} for sale.`, errors: [{ field: 'productId', message: 'no such product' }] });
        }
        if (reason) {
          throw new ProblemError(422, 'This product cannot be sent to China as a cross-border purchase', {
            detail:
              reason === 'not_importable'
                ? 'Its HS code is not on China’s positive list for cross-border retail imports.'
                : 'Its listing has no HS code customs could declare yet.',
            productId,
            reason,
          });
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

/** The cart as the site shows it: every figure computed here, from the catalogue (and each pavilion's freight rates) as it is now. */
export async function cartView(deps: Pick<CartDeps, 'catalogue'>, cart: Cart, currency: CurrencyCode): Promise<z.infer<typeof CartSchema>> {
  const { priced, buyable, quote } = await quoteCart(deps.catalogue, cart, currency);
  return {
    id: cart.id,
    lines: priced.lines.map((line) => ({
      productId: line.productId,
      pavilion: line.pavilion,
      sku: line.sku,
      title: line.title,
      unit: line.unit,
      image: line.image,
      quantity: line.quantity,
      available: line.available,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
      status: line.status,
      ...(line.unavailableReason ? { unavailableReason: line.unavailableReason } : {}),
    })),
    itemCount: buyable.reduce((sum, line) => sum + line.quantity, 0),
    subtotals: [...priced.subtotals],
    checkoutTotal: checkoutTotalOf(quote, currency),
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
    expiresAt: cartExpiresAt(cart.updatedAt),
  };
}

/**
 * What checkout would charge, and whether it would take it. The per-order limit comes first: it
 * holds in every currency, so choosing another currency (the remedy for a too-large amount) cannot
 * lift it. The yearly limit needs the buyer's ID number: checkout checks it.
 */
function checkoutTotalOf(quote: CrossBorderQuote, currency: CurrencyCode): z.infer<typeof CartSchema>['checkoutTotal'] {
  const shown = {
    goods: quote.goods,
    freight: quote.freight,
    tax: quote.tax,
    total: quote.total,
    dutiableValue: quote.cny.dutiableValue,
    parcels: quote.parcels.map((parcel) => ({ pavilion: parcel.pavilion, mode: parcel.mode, weightGrams: parcel.weightGrams, freight: parcel.freightCny })),
    rates: [...quote.rates],
  };
  if (!withinPerOrderLimit(quote.cny.dutiableValue)) return { ...shown, payable: false, reason: 'over_cross_border_limit', limit: PER_ORDER_LIMIT_CNY };
  if (!fitsOnePayment(quote.total)) return { ...shown, payable: false, reason: 'amount_too_large', maxAmount: money(STRIPE_MAX_AMOUNT, currency) };
  return { ...shown, payable: true };
}
