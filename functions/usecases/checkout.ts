import type { Language } from '../domain/languages.js';
import { rateBetween } from '../domain/exchange-rates.js';
import type { CurrencyCode, Money } from '../domain/money.js';
import { addMinutes, RESERVATION_MINUTES, SESSION_GRACE_MINUTES, type Order, type OrderLine } from '../domain/order.js';
import { paymentMethodsFor, STRIPE_MAX_AMOUNT } from '../domain/payment-methods.js';
import { chargeIn, priceCart } from '../domain/pricing.js';
import { ReservationRefusedError, type RefusedLine } from '../ports/order-store.js';
import { PaymentProviderError } from '../ports/payment-gateway.js';
import { loadProducts } from './load-products.js';
import { newOrderId, newOrderToken, sha256Hex } from './secrets.js';
import type { ShopDeps } from './shop-deps.js';

export interface CheckoutRequest {
  readonly cartId: string;
  readonly email: string;
  readonly currency: CurrencyCode;
  readonly language: Language;
}

export interface PlacedOrder {
  readonly orderId: string;
  /** The shopper's key to the order page; only its hash is stored. */
  readonly token: string;
  readonly checkoutUrl: string;
  readonly expiresAt: string;
  readonly total: Money;
}

export type CheckoutRefusal =
  | { readonly reason: 'cart_missing' }
  | { readonly reason: 'cart_empty' }
  | { readonly reason: 'lines_refused'; readonly lines: readonly RefusedLine[] }
  | { readonly reason: 'amount_too_large'; readonly total: Money }
  | { readonly reason: 'provider_failed' };

export class CheckoutRefusedError extends Error {
  constructor(readonly refusal: CheckoutRefusal) {
    super(`Checkout refused: ${refusal.reason}`);
    this.name = 'CheckoutRefusedError';
  }
}

/** A price edit racing the checkout makes the reservation refuse the old version: re-price and try again. */
const MAX_PRICING_ATTEMPTS = 3;

/**
 * Turns a cart into a pending order with its stock reserved and a Stripe Checkout Session.
 * Prices come from the catalogue only; the client sends a cart id, an email and its preferences.
 */
export async function placeOrder(deps: ShopDeps, request: CheckoutRequest): Promise<PlacedOrder> {
  const now = deps.clock.now();
  const cart = await deps.carts.get(request.cartId, now);
  if (!cart) throw new CheckoutRefusedError({ reason: 'cart_missing' });
  if (cart.lines.length === 0) throw new CheckoutRefusedError({ reason: 'cart_empty' });

  for (let attempt = 1; ; attempt++) {
    const products = await loadProducts(deps.catalogue, cart.lines.map((line) => line.productId));
    const priced = priceCart(cart, products);
    const refused: RefusedLine[] = cart.lines.flatMap((line): RefusedLine[] => {
      const pricedLine = priced.lines.find((candidate) => candidate.productId === line.productId);
      if (!pricedLine || pricedLine.status === 'unavailable') return [{ productId: line.productId, requested: line.quantity, available: 0, reason: 'unavailable' }];
      if (pricedLine.status === 'short') return [{ productId: line.productId, requested: line.quantity, available: pricedLine.available, reason: 'short' }];
      return [];
    });
    if (refused.length) throw new CheckoutRefusedError({ reason: 'lines_refused', lines: refused });

    const charge = chargeIn(priced.lines, request.currency, rateBetween);
    if (charge.total.amount > STRIPE_MAX_AMOUNT) throw new CheckoutRefusedError({ reason: 'amount_too_large', total: charge.total });

    const orderId = newOrderId();
    const token = newOrderToken();
    const createdAt = now.toISOString();
    const order: Order = {
      orderId,
      status: 'pending_payment',
      currency: request.currency,
      total: charge.total,
      subtotals: priced.subtotals,
      lines: charge.lines.map((line, index) => ({ lineNo: index + 1, productId: line.productId, pavilion: line.pavilion, quantity: line.quantity })),
      rates: charge.rates,
      language: request.language,
      email: request.email,
      tokenHash: await sha256Hex(token),
      cartId: cart.id,
      createdAt,
      expiresAt: addMinutes(createdAt, RESERVATION_MINUTES),
    };
    const lines: OrderLine[] = charge.lines.map((line, index) => ({
      orderId,
      lineNo: index + 1,
      productId: line.productId,
      pavilion: line.pavilion,
      sku: line.sku,
      title: line.title,
      ...(line.image ? { image: line.image } : {}),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      chargedUnitPrice: line.chargedUnitPrice,
      fulfilment: 'awaiting_payment',
    }));

    try {
      await deps.orders.placeOrder(order, lines, new Map(priced.lines.map((line) => [line.productId, line.productVersion])));
    } catch (error) {
      if (!(error instanceof ReservationRefusedError)) throw error;
      const final = error.lines.filter((line) => line.reason !== 'stale');
      if (final.length === 0 && attempt < MAX_PRICING_ATTEMPTS) continue;
      throw new CheckoutRefusedError({ reason: 'lines_refused', lines: final.length ? final : error.lines });
    }

    const base = deps.publicBaseUrl.replace(/\/+$/, '');
    let session;
    try {
      session = await deps.payments.createCheckoutSession({
        orderId,
        idempotencyKey: `checkout-session-${orderId}`,
        lines: charge.lines.map((line) => ({
          name: line.title[request.language],
          unitAmount: line.chargedUnitPrice,
          quantity: line.quantity,
          // Stripe fetches product images itself, so only public https URLs make sense.
          ...(line.image && base.startsWith('https://') ? { imageUrl: `${base}${line.image}` } : {}),
        })),
        total: charge.total,
        paymentMethods: paymentMethodsFor(charge.total),
        email: request.email,
        language: request.language,
        successUrl: `${base}/${request.language}/order/?id=${orderId}&token=${token}`,
        cancelUrl: `${base}/${request.language}/cart/`,
        expiresAt: new Date(Date.parse(order.expiresAt) + SESSION_GRACE_MINUTES * 60_000),
      });
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      // The provider's message may quote what it refused (an email address): never log personal data.
      const detail = error.message.replace(/[^\s@'"]+@[^\s@'"]+/g, '[email]');
      console.error(JSON.stringify({ level: 'error', message: 'checkout session failed; releasing the reservation', orderId, detail }));
      await deps.orders.apply(order, { kind: 'release', status: 'payment_failed' }, { now: deps.clock.now().toISOString(), note: 'the payment provider refused the checkout session' });
      throw new CheckoutRefusedError({ reason: 'provider_failed' });
    }
    await deps.orders.attachPaymentSession(orderId, session.sessionId);
    return { orderId, token, checkoutUrl: session.url, expiresAt: order.expiresAt, total: charge.total };
  }
}
