import { CartFullError, cartExpiresAt, emptyCart, MAX_CART_LINES, setLineQuantity, type Cart } from '../domain/cart.js';
import type { FulfilmentMode, Product } from '../domain/catalogue.js';
import type { CrossBorderQuote } from '../domain/cross-border-quote.js';
import type { RateFreshness } from '../domain/exchange-rates.js';
import type { Localized } from '../domain/languages.js';
import type { CurrencyCode, ExchangeRate, Money } from '../domain/money.js';
import type { PavilionCode } from '../domain/pavilion.js';
import { payabilityAt, type Payability } from '../domain/payable.js';
import { unavailableReason, type LineStatus, type UnavailableReason } from '../domain/pricing.js';
import { availableUnits } from '../domain/stock.js';
import { CartVersionConflictError } from '../ports/cart-store.js';
import { currentRates, NoRatesError, type CurrentRates } from './exchange-rates.js';
import { newCartId } from './ids.js';
import { quoteCart } from './quote-cart.js';
import type { ShopDeps } from './shop-deps.js';

export type CartDeps = Pick<ShopDeps, 'catalogue' | 'carts' | 'clock' | 'rateStore' | 'rateMaxAgeHours'>;

/** The cart as the site shows it: every figure computed from the catalogue (and each pavilion's freight rates) as it is now. */
export interface CartView {
  readonly id: string;
  readonly lines: CartViewLine[];
  /** Units over the lines that can be bought. */
  readonly itemCount: number;
  readonly subtotals: Money[];
  readonly checkoutTotal: CheckoutTotal;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string;
}

export interface CartViewLine {
  readonly productId: string;
  readonly pavilion: PavilionCode;
  readonly sku: string;
  readonly title: Localized;
  readonly unit: Localized;
  readonly image: string | null;
  readonly quantity: number;
  readonly available: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
  readonly status: LineStatus;
  readonly unavailableReason?: UnavailableReason;
}

/** What checkout would charge in the asked currency, and whether it would take it (domain/payable.ts). */
export type CheckoutTotal = {
  readonly goods: Money;
  readonly freight: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly dutiableValue: Money;
  readonly parcels: { readonly pavilion: PavilionCode; readonly mode: FulfilmentMode; readonly weightGrams: number; readonly freight: Money }[];
  readonly rates: ExchangeRate[];
} & Payability;

export type CartRefusal =
  /** The cart never existed or has lapsed. */
  | { readonly reason: 'cart_missing'; readonly cartId: string }
  /** No such product, or it is archived: nothing to put in a cart. */
  | { readonly reason: 'no_such_product'; readonly productId: string }
  /** The product is listed but cannot be sold to China as a cross-border purchase. */
  | { readonly reason: 'not_sold_to_china'; readonly productId: string; readonly because: Exclude<UnavailableReason, 'archived'> }
  | { readonly reason: 'not_enough_stock'; readonly productId: string; readonly requested: number; readonly available: number }
  | { readonly reason: 'cart_full'; readonly maxLines: number }
  /** The cart needs an exchange rate and none has ever been loaded (stale rates still show figures: payable false). */
  | { readonly reason: 'rates_unavailable' };

export class CartRefusedError extends Error {
  constructor(readonly refusal: CartRefusal) {
    super(`Cart change refused: ${refusal.reason}`);
    this.name = 'CartRefusedError';
  }
}

/** Two tabs changing one cart at once: the loser re-reads and applies its change again. */
const MAX_CART_WRITE_ATTEMPTS = 5;

/** Starts an empty cart; its id is the shopper's only key to it. */
export async function startCart(deps: CartDeps): Promise<CartView> {
  const cart = emptyCart(newCartId(), deps.clock.now().toISOString());
  await deps.carts.create(cart);
  return cartView(deps, cart, 'CNY');
}

export async function viewCart(deps: CartDeps, cartId: string, currency: CurrencyCode): Promise<CartView> {
  const cart = await deps.carts.get(cartId, deps.clock.now());
  if (!cart) throw new CartRefusedError({ reason: 'cart_missing', cartId });
  return cartView(deps, cart, currency);
}

export interface LineChange {
  readonly cartId: string;
  readonly productId: string;
  /** 0 removes the line. */
  readonly quantity: number;
  /** The currency of the answer's checkout total. */
  readonly currency: CurrencyCode;
}

/**
 * Sets how many of a product the cart holds. Adding or raising a line needs a product that is for
 * sale to China with that many units free; lowering or removing one never does, so a shopper can
 * always take out what can no longer be bought. The answer is worked out before the save: whatever
 * fails, fails with the cart unchanged.
 */
export async function setCartLine(deps: CartDeps, change: LineChange): Promise<CartView> {
  const { cartId, productId, quantity, currency } = change;
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    // The cart, the rates and (when adding or raising) the product to check, in one round trip: none needs another's answer.
    const [cart, rates, checked] = await Promise.all([
      deps.carts.get(cartId, now),
      currentRates(deps),
      quantity > 0 ? deps.catalogue.getProduct(productId) : undefined,
    ]);
    if (!cart) throw new CartRefusedError({ reason: 'cart_missing', cartId });
    const inCart = cart.lines.some((line) => line.productId === productId);
    const mustCheck = quantity > 0 || !inCart;
    // Only a 0 for a line the cart does not hold is checked without the product read above.
    const product = mustCheck && checked === undefined ? await deps.catalogue.getProduct(productId) : checked;
    if (mustCheck) checkBuyable(product ?? null, productId, quantity);
    let next: Cart;
    try {
      next = setLineQuantity(cart, productId, quantity, now.toISOString());
    } catch (error) {
      if (error instanceof CartFullError) throw new CartRefusedError({ reason: 'cart_full', maxLines: MAX_CART_LINES });
      throw error;
    }
    // The product just checked is priced as read: checked and priced on the same snapshot, and read once.
    const view = await cartView(deps, next, currency, rates, product === undefined ? undefined : new Map([[productId, product]]));
    try {
      await deps.carts.save(next, cart.version);
    } catch (error) {
      if (error instanceof CartVersionConflictError && attempt < MAX_CART_WRITE_ATTEMPTS) continue;
      throw error;
    }
    return view;
  }
}

function checkBuyable(product: Product | null, productId: string, quantity: number): void {
  const reason = product ? unavailableReason(product) : 'archived';
  if (!product || reason === 'archived') throw new CartRefusedError({ reason: 'no_such_product', productId });
  if (reason) throw new CartRefusedError({ reason: 'not_sold_to_china', productId, because: reason });
  const available = availableUnits(product);
  if (quantity > available) throw new CartRefusedError({ reason: 'not_enough_stock', productId, requested: quantity, available });
}

/**
 * The cart priced at the stored exchange rates. Rates past their freshness still give figures, with
 * `payable: false, reason: 'rates_stale'`: checkout would not take them.
 */
async function cartView(deps: CartDeps, cart: Cart, currency: CurrencyCode, knownRates?: CurrentRates, knownProducts?: ReadonlyMap<string, Product | null>): Promise<CartView> {
  const rates = knownRates ?? (await currentRates(deps));
  let quoted;
  try {
    quoted = await quoteCart(deps.catalogue, cart, currency, rates.rateFor, knownProducts);
  } catch (error) {
    if (error instanceof NoRatesError) throw new CartRefusedError({ reason: 'rates_unavailable' });
    throw error;
  }
  const { priced, buyable, quote } = quoted;
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
    checkoutTotal: checkoutTotalOf(quote, rates.freshness),
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
    expiresAt: cartExpiresAt(cart.updatedAt),
  };
}

/** The figures checkout would charge, and whether it would take them (the yearly limit needs the buyer: checkout checks it). */
function checkoutTotalOf(quote: CrossBorderQuote, rates: RateFreshness): CheckoutTotal {
  return {
    goods: quote.goods,
    freight: quote.freight,
    tax: quote.tax,
    total: quote.total,
    dutiableValue: quote.cny.dutiableValue,
    parcels: quote.parcels.map((parcel) => ({ pavilion: parcel.pavilion, mode: parcel.mode, weightGrams: parcel.weightGrams, freight: parcel.freightCny })),
    rates: [...quote.rates],
    ...payabilityAt(quote, rates),
  };
}
