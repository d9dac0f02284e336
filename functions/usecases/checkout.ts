import type { Cart } from '../domain/cart.js';
import { CONSUMER_NOTICE_VERSION } from '../domain/consumer-notice.js';
import type { QuotedLine } from '../domain/cross-border-quote.js';
import { customsYear, orderAllowanceFor, withinYearlyAllowance, YEARLY_LIMIT_CNY } from '../domain/cross-border.js';
import type { Language, Localized } from '../domain/languages.js';
import type { FieldIssue } from '../domain/listing.js';
import type { CurrencyCode, Money } from '../domain/money.js';
import { addMinutes, MAX_UNPAID_ORDERS_PER_SHOPPER, RESERVATION_MINUTES, SESSION_GRACE_MINUTES, type Order, type OrderLine } from '../domain/order.js';
import { payabilityAt } from '../domain/payable.js';
import { isSuspended, type Pavilion } from '../domain/pavilion.js';
import { paymentMethodsFor } from '../domain/payment-methods.js';
import { checkRecipientAndBuyer, type BuyerInput, type RecipientInput } from '../domain/recipient.js';
import { normalEmail } from '../domain/operator-console.js';
import { CartCheckoutRaceError, OrderChangedError, ReservationRefusedError, UnpaidLimitReachedError, YearlyAllowanceExceededError, type RefusedLine } from '../ports/order-store.js';
import { PaymentProviderError, PaymentRequestRefusedError } from '../ports/payment-gateway.js';
import { maskEmails, type LogFields, type Telemetry } from '../ports/telemetry.js';
import { currentRates, NoRatesError, type CurrentRates } from './exchange-rates.js';
import { newOrderId, newOrderToken, sha256Hex } from './ids.js';
import { quoteCart } from './quote-cart.js';
import { closePaymentSession, releaseUnpaidOrder } from './release-unpaid-order.js';
import type { ShopDeps } from './shop-deps.js';

export interface CheckoutRequest {
  readonly cartId: string;
  readonly email: string;
  readonly currency: CurrencyCode;
  readonly language: Language;
  readonly recipient: RecipientInput;
  readonly buyer: BuyerInput;
  /** The schema admits only true: no order without the consumer notice accepted. */
  readonly noticeAccepted: true;
  /** The notice version the page showed; a page built before the text changed must show the new one first. */
  readonly noticeVersion?: string;
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
  /** The recipient or buyer fails a rule the schema cannot know (ID check digit, a district outside its city...). */
  | { readonly reason: 'invalid_details'; readonly issues: readonly FieldIssue[] }
  /** The page showed another version of the consumer notice than the one in force. */
  | { readonly reason: 'notice_changed'; readonly version: string }
  | { readonly reason: 'cart_missing' }
  | { readonly reason: 'cart_empty' }
  | { readonly reason: 'lines_refused'; readonly lines: readonly RefusedLine[] }
  | { readonly reason: 'amount_too_large'; readonly total: Money }
  /** A line's unit would be charged 0 in this currency (domain/payable.ts). */
  | { readonly reason: 'charge_rounds_to_zero'; readonly productIds: readonly string[]; readonly currency: CurrencyCode }
  /**
   * China's cross-border limits, per order (CNY 5,000) or per buyer and year (CNY 26,000), counted on
   * goods plus freight in CNY: `value` is this order's, `limit` the rule's, `remaining` what an order by
   * this buyer may still carry now.
   */
  | { readonly reason: 'over_yearly_limit'; readonly value: Money; readonly limit: Money; readonly remaining: Money }
  /** `indivisible`: the order is one single item, so removing items cannot help (it could only go as general trade). */
  | { readonly reason: 'over_cross_border_limit'; readonly value: Money; readonly limit: Money; readonly remaining: Money; readonly indivisible: boolean }
  /**
   * The shopper's email or the buyer's ID number already has MAX_UNPAID_ORDERS_PER_SHOPPER unpaid
   * orders (domain/order.ts); a slot frees in `retryAfterSeconds` at the latest.
   */
  | { readonly reason: 'too_many_unpaid_orders'; readonly limit: number; readonly retryAfterSeconds: number }
  /** Another checkout of the same cart (another tab, a double click) is under way or won the race. */
  | { readonly reason: 'checkout_in_progress' }
  /** The cart's earlier checkout was paid at the provider (or its payment is on its way): that order stands. */
  | { readonly reason: 'earlier_checkout_paid' }
  /** The provider refused what we asked; `message` is its own words with email addresses masked. */
  | { readonly reason: 'provider_refused'; readonly message: string }
  | { readonly reason: 'provider_failed' }
  /**
   * The cart needs exchange rates and the stored ones are older than checkout charges at
   * (`maxAgeHours`, functions/config.ts), or none were ever loaded (`loadedAt` null). Nothing is reserved or released.
   */
  | { readonly reason: 'rates_stale'; readonly loadedAt: string | null; readonly maxAgeHours: number };

export class CheckoutRefusedError extends Error {
  constructor(readonly refusal: CheckoutRefusal) {
    super(`Checkout refused: ${refusal.reason}`);
    this.name = 'CheckoutRefusedError';
  }
}

/** Freight and import tax are line items of their own on the payment page, in the shopper's language. */
const CHARGE_NAMES: { readonly freight: Localized; readonly tax: Localized } = {
  freight: { zh: '国际运费', ru: 'Доставка в Китай', en: 'Freight to China' },
  tax: { zh: '跨境电商综合税（代收代缴）', ru: 'Импортный налог (трансграничная торговля)', en: 'Cross-border import tax (withheld for customs)' },
};

/** A price edit racing the checkout makes the reservation refuse the old version: re-price and try again. */
const MAX_PRICING_ATTEMPTS = 3;
/** Reading the earlier order again after it moved on (a session attached, a webhook released it). */
const MAX_RELEASE_ATTEMPTS = 3;

/**
 * Turns a cart into a pending order with its stock reserved and a Stripe Checkout Session.
 * Prices come from the catalogue only; the client sends a cart id, an email and its preferences.
 *
 * A cart holds at most one pending order. A shopper who left Stripe's page and checks out again
 * would otherwise be blocked by their own reservation for 30 minutes (and a loop of checkouts
 * could hold all the stock): the earlier order is released first, its session closed so it can
 * no longer be paid, then the cart is reserved anew. The cart records its pending order in the
 * reserving transaction, conditioned on what this checkout read, so of two checkouts of one cart
 * racing each other only one places an order.
 */
export async function placeOrder(deps: ShopDeps, request: CheckoutRequest): Promise<PlacedOrder> {
  try {
    const placed = await reserveAndOpenSession(deps, request);
    deps.telemetry.info('order placed', { orderId: placed.orderId, amount: placed.total.amount, currency: placed.total.currency, expiresAt: placed.expiresAt });
    return placed;
  } catch (error) {
    if (error instanceof CheckoutRefusedError) reportRefusal(deps.telemetry, error.refusal);
    throw error;
  }
}

async function reserveAndOpenSession(deps: ShopDeps, request: CheckoutRequest): Promise<PlacedOrder> {
  const now = deps.clock.now();
  if (request.noticeVersion !== undefined && request.noticeVersion !== CONSUMER_NOTICE_VERSION) {
    throw new CheckoutRefusedError({ reason: 'notice_changed', version: CONSUMER_NOTICE_VERSION });
  }
  const checked = checkRecipientAndBuyer(request.recipient, request.buyer, now.toISOString());
  if ('issues' in checked) throw new CheckoutRefusedError({ reason: 'invalid_details', issues: checked.issues });
  const { recipient, buyer } = checked;

  // Read together (neither depends on the other): one round trip, not two.
  const [cart, rates] = await Promise.all([deps.carts.get(request.cartId, now), currentRates(deps)]);
  if (!cart) throw new CheckoutRefusedError({ reason: 'cart_missing' });
  if (cart.lines.length === 0) throw new CheckoutRefusedError({ reason: 'cart_empty' });
  // The rates first: stale ones must not even release the cart's earlier checkout (its session was opened at fresh ones).
  if (!rates.freshness.fresh) await refuseStaleRates(deps, cart, request.currency, rates);
  if (cart.pendingOrderId) await releaseEarlierCheckout(deps, cart.pendingOrderId);

  const buyerKey = await deps.identity.buyerKey(buyer.idNumber);
  const emailKey = await unpaidEmailKey(deps, request.email);
  const year = customsYear(now.toISOString());

  for (let attempt = 1; ; attempt++) {
    // The buyer's count for the year is read beside the pricing (neither needs the other): one round trip fewer.
    const [{ priced, buyable, quote, pavilions }, counted] = await Promise.all([
      quoteCart(deps.catalogue, cart, request.currency, rates.rateFor),
      deps.orders.countedInYear(buyerKey, year),
    ]);
    const refused: RefusedLine[] = cart.lines.flatMap((line): RefusedLine[] => {
      const pricedLine = priced.lines.find((candidate) => candidate.productId === line.productId);
      if (!pricedLine || pricedLine.status === 'unavailable') {
        const because = pricedLine?.unavailableReason;
        return [{ productId: line.productId, requested: line.quantity, available: 0, reason: 'unavailable', ...(because ? { unavailableReason: because } : {}) }];
      }
      if (pricedLine.status === 'short') return [{ productId: line.productId, requested: line.quantity, available: pricedLine.available, reason: 'short' }];
      return [];
    });
    if (refused.length) throw new CheckoutRefusedError({ reason: 'lines_refused', lines: refused });
    // A suspended pavilion sells nothing (usecases/operator-pavilions.ts): its lines are refused as not sold.
    const suspendedLines = linesOfSuspendedPavilions(pavilions, buyable);
    if (suspendedLines.length) throw new CheckoutRefusedError({ reason: 'lines_refused', lines: suspendedLines });

    // Every order ships to China: it must stay within both of China's limits, in whatever currency it is paid.
    // What the cart showed as payable (domain/payable.ts), with the buyer's yearly limit between its two checks.
    const value = quote.cny.dutiableValue;
    const remaining = orderAllowanceFor(counted);
    const payable = payabilityAt(quote, rates.freshness);
    if (!payable.payable && payable.reason === 'rates_stale') throw staleRates(rates);
    if (!payable.payable && payable.reason === 'over_cross_border_limit') {
      const indivisible = buyable.length === 1 && buyable[0]?.quantity === 1;
      throw new CheckoutRefusedError({ reason: 'over_cross_border_limit', value, limit: payable.limit, remaining, indivisible });
    }
    if (!withinYearlyAllowance(counted, value)) throw new CheckoutRefusedError({ reason: 'over_yearly_limit', value, limit: YEARLY_LIMIT_CNY, remaining });
    if (!payable.payable && payable.reason === 'charge_rounds_to_zero') {
      throw new CheckoutRefusedError({ reason: 'charge_rounds_to_zero', productIds: payable.productIds, currency: quote.total.currency });
    }
    if (!payable.payable) throw new CheckoutRefusedError({ reason: 'amount_too_large', total: quote.total });

    const orderId = newOrderId();
    const token = newOrderToken();
    const createdAt = now.toISOString();
    const shipTo = { recipient, buyerName: buyer.name, buyerIdMasked: buyer.idNumberMasked };
    const order: Order = {
      orderId,
      status: 'pending_payment',
      currency: request.currency,
      total: quote.total,
      goods: quote.goods,
      freight: quote.freight,
      tax: quote.tax,
      customs: quote.cny,
      recipient,
      buyer: { name: buyer.name, phone: buyer.phone, idNumberMasked: buyer.idNumberMasked, idNumberSealed: await deps.identity.seal(buyer.idNumber, orderId) },
      notice: { version: CONSUMER_NOTICE_VERSION, acceptedAt: createdAt },
      allowance: { buyerKey, year, counted: value },
      subtotals: priced.subtotals,
      lines: quote.lines.map((line, index) => ({ lineNo: index + 1, productId: line.productId, pavilion: line.pavilion, quantity: line.quantity })),
      rates: quote.rates,
      language: request.language,
      email: request.email,
      tokenHash: await sha256Hex(token),
      cartId: cart.id,
      createdAt,
      expiresAt: addMinutes(createdAt, RESERVATION_MINUTES),
      unpaidHolds: { emailKey, buyerKey },
    };
    const lines: OrderLine[] = quote.lines.map((line, index) => orderLineOf(orderId, index + 1, line, shipTo));

    try {
      await deps.orders.placeOrder(order, lines, {
        productVersions: new Map(buyable.map((line) => [line.productId, line.productVersion])),
        cartPendingOrderId: cart.pendingOrderId,
        confirmationToken: token,
        ...(deps.shopperKeys ? { shopperKey: await deps.shopperKeys.emailKey(request.email) } : {}),
      });
    } catch (error) {
      if (error instanceof CartCheckoutRaceError) throw new CheckoutRefusedError({ reason: 'checkout_in_progress' });
      if (error instanceof UnpaidLimitReachedError) {
        const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(error.earliestExpiry) - now.getTime()) / 1000));
        throw new CheckoutRefusedError({ reason: 'too_many_unpaid_orders', limit: MAX_UNPAID_ORDERS_PER_SHOPPER, retryAfterSeconds });
      }
      if (error instanceof YearlyAllowanceExceededError) {
        // Another checkout by the same buyer took the allowance between our read and our write.
        throw new CheckoutRefusedError({ reason: 'over_yearly_limit', value, limit: YEARLY_LIMIT_CNY, remaining: orderAllowanceFor(error.counted) });
      }
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
        lines: [
          ...quote.lines.map((line) => ({
            name: line.title[request.language],
            unitAmount: line.chargedUnitPrice,
            quantity: line.quantity,
            // Stripe fetches product images itself, so only public https URLs make sense.
            ...(line.image && base.startsWith('https://') ? { imageUrl: `${base}${line.image}` } : {}),
          })),
          // Freight and tax as their own items (none when zero: a free bonded-warehouse delivery is no line).
          ...(quote.freight.amount > 0 ? [{ name: CHARGE_NAMES.freight[request.language], unitAmount: quote.freight, quantity: 1 }] : []),
          ...(quote.tax.amount > 0 ? [{ name: CHARGE_NAMES.tax[request.language], unitAmount: quote.tax, quantity: 1 }] : []),
        ],
        total: quote.total,
        paymentMethods: paymentMethodsFor(quote.total),
        email: request.email,
        language: request.language,
        // The token rides in the fragment: browsers never send it, so no server or access log sees it.
        successUrl: `${base}/${request.language}/order/?id=${orderId}#token=${token}`,
        cancelUrl: `${base}/${request.language}/cart/`,
        expiresAt: new Date(Date.parse(order.expiresAt) + SESSION_GRACE_MINUTES * 60_000),
      });
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      // The provider's message may quote what it refused (an email address): never log personal data.
      const detail = maskEmails(error.message);
      deps.telemetry.error('checkout session failed; releasing the reservation', { orderId, error: error.name, detail });
      // A newer checkout of the same cart may have released it already: released either way.
      await releaseUnpaidOrder(deps.orders, order, 'payment_failed', { now: deps.clock.now().toISOString(), note: 'the payment provider refused the checkout session' });
      if (error instanceof PaymentRequestRefusedError) throw new CheckoutRefusedError({ reason: 'provider_refused', message: maskEmails(error.providerMessage) });
      throw new CheckoutRefusedError({ reason: 'provider_failed' });
    }
    try {
      await deps.orders.attachPaymentSession(orderId, session.sessionId);
    } catch (error) {
      if (!(error instanceof OrderChangedError)) throw error;
      // A newer checkout of the same cart released this order while its session was being made:
      // close the session so nobody can pay for units no longer held.
      await closePaymentSession(deps, { orderId, paymentSessionId: session.sessionId });
      throw new CheckoutRefusedError({ reason: 'checkout_in_progress' });
    }
    return { orderId, token, checkoutUrl: session.url, expiresAt: order.expiresAt, total: quote.total };
  }
}

/**
 * The key the shopper's unpaid orders are counted under by email: the shop's keyed email hash
 * (ports/shopper-keys.ts) where it has one, else the identity vault's keyed hash of the normalised
 * address under a label of its own (an ID number never starts with "email:"). Either way the
 * table never holds the address in a key, and case or spaces make no second shopper.
 */
async function unpaidEmailKey(deps: ShopDeps, email: string): Promise<string> {
  if (deps.shopperKeys) return deps.shopperKeys.emailKey(email);
  return deps.identity.buyerKey(`email:${normalEmail(email)}`);
}

/**
 * With rates past their freshness (or none), checkout refuses any cart that converts a currency.
 * Priced to find out, only in this case: a cart priced and charged in yuan needs no rate and still sells.
 */
async function refuseStaleRates(deps: ShopDeps, cart: Pick<Cart, 'lines'>, currency: CurrencyCode, rates: CurrentRates): Promise<void> {
  try {
    const { quote } = await quoteCart(deps.catalogue, cart, currency, rates.rateFor);
    const payable = payabilityAt(quote, rates.freshness);
    if (!payable.payable && payable.reason === 'rates_stale') throw staleRates(rates);
  } catch (error) {
    if (error instanceof NoRatesError) throw staleRates(rates);
    throw error;
  }
}

function staleRates({ freshness }: CurrentRates): CheckoutRefusedError {
  return new CheckoutRefusedError({ reason: 'rates_stale', loadedAt: freshness.loadedAt, maxAgeHours: freshness.maxAgeHours });
}

function orderLineOf(orderId: string, lineNo: number, line: QuotedLine, shipTo: OrderLine['shipTo']): OrderLine {
  return {
    orderId,
    lineNo,
    productId: line.productId,
    pavilion: line.pavilion,
    sku: line.sku,
    title: line.title,
    ...(line.image ? { image: line.image } : {}),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    chargedUnitPrice: line.chargedUnitPrice,
    hsCode: line.hsCode,
    vatBp: line.taxRow.vatBp,
    consumptionTaxBp: line.taxRow.consumptionTaxBp,
    weightGrams: line.weightGrams,
    fulfilmentMode: line.fulfilmentMode,
    unitPriceCny: line.unitPriceCny,
    goodsCny: line.goodsCny,
    freightCny: line.freightCny,
    dutiableCny: line.dutiableCny,
    taxCny: line.taxCny,
    shipTo,
    fulfilment: 'awaiting_payment',
  };
}

/**
 * Releases the cart's earlier pending order before reserving again: its session is closed first
 * (exactly as the sweep does), then its units go back in the transaction the webhook uses, so a
 * checkout.session.expired event racing this releases nothing twice.
 */
async function releaseEarlierCheckout(deps: ShopDeps, orderId: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_RELEASE_ATTEMPTS; attempt++) {
    const stored = await deps.orders.get(orderId);
    if (!stored || stored.order.status !== 'pending_payment') return;
    const { order } = stored;
    const session = await closePaymentSession(deps, order);
    if (session === 'complete') throw new CheckoutRefusedError({ reason: 'earlier_checkout_paid' });
    if (session === 'unreachable') throw new CheckoutRefusedError({ reason: 'provider_failed' });
    const released = await releaseUnpaidOrder(deps.orders, order, 'expired', {
      now: deps.clock.now().toISOString(),
      note: 'released by a new checkout of the same cart',
    });
    if (released) return;
  }
  throw new CheckoutRefusedError({ reason: 'checkout_in_progress' });
}

/**
 * Operators watch refusals (the 409s and 422s: stock gone, an order too large or over the
 * cross-border limit, the provider
 * refusing) and the provider's outages (502) apart; a missing cart (404) is only logged. The
 * reason and the products are logged, never the shopper's email or the cart id (it opens the cart).
 */
function reportRefusal(telemetry: Telemetry, refusal: CheckoutRefusal): void {
  if (refusal.reason === 'rates_stale') {
    // Not the shopper's doing: the rates refresh has failed for two days (or never ran). Alarmed on.
    telemetry.count('CheckoutRatesStale');
    telemetry.warn('checkout refused', { reason: refusal.reason, ratesLoadedAt: refusal.loadedAt, maxAgeHours: refusal.maxAgeHours });
    return;
  }
  if (refusal.reason === 'provider_failed') {
    telemetry.count('CheckoutPaymentProviderFailed');
    telemetry.warn('checkout refused', { reason: refusal.reason });
    return;
  }
  if (refusal.reason !== 'cart_missing' && refusal.reason !== 'invalid_details') telemetry.count('CheckoutRefused');
  telemetry.info('checkout refused', { reason: refusal.reason, ...refusalDetails(refusal) });
}

function refusalDetails(refusal: CheckoutRefusal): LogFields {
  switch (refusal.reason) {
    case 'lines_refused':
      return {
        products: refusal.lines.map((line) => line.productId),
        lines: refusal.lines.map((line) => `${line.productId}: ${line.reason}, ${line.requested} asked, ${line.available} available`),
      };
    case 'amount_too_large':
      return { amount: refusal.total.amount, currency: refusal.total.currency };
    case 'charge_rounds_to_zero':
      return { products: refusal.productIds, currency: refusal.currency };
    case 'over_cross_border_limit':
    case 'over_yearly_limit':
      return { amount: refusal.value.amount, currency: refusal.value.currency, remaining: refusal.remaining.amount };
    case 'invalid_details':
      // The fields only, never what was typed in them.
      return { fields: refusal.issues.map((issue) => issue.field) };
    case 'provider_refused':
      return { detail: refusal.message };
    case 'too_many_unpaid_orders':
      return { retryAfterSeconds: refusal.retryAfterSeconds };
    default:
      return {};
  }
}

/**
 * The cart's lines whose pavilion an operator suspended, as refused lines: from the pavilion items
 * the quote read for their freight rates (the same items, as eventually consistent as the Query of
 * every pavilion this replaced), so the check costs no read of its own.
 */
function linesOfSuspendedPavilions(
  pavilions: ReadonlyMap<string, Pick<Pavilion, 'suspension'> | null>,
  buyable: readonly { readonly productId: string; readonly pavilion: string; readonly quantity: number }[],
): RefusedLine[] {
  return buyable
    .filter((line) => isSuspended(pavilions.get(line.pavilion)))
    .map((line) => ({ productId: line.productId, requested: line.quantity, available: 0, reason: 'unavailable' }));
}
