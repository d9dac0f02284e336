import type { Money } from '../../../../functions/domain/money.js';
import type { CartLineView, CartView, Problem, RefusedLine, UnavailableReason } from './api-types.js';
import { isCheckoutField, type CheckoutField } from './checkout-fields.js';
import type { TextVars } from './texts.js';

/**
 * What the cart page says about a line or a refused checkout, as dictionary keys: pure, so the
 * rules (which problem means what to the shopper) are tested without a browser.
 */
export interface Note {
  readonly key: string;
  readonly vars?: TextVars;
  /** Amounts the page formats in its locale and fills in beside `vars` (a remaining allowance). */
  readonly amounts?: Readonly<Record<string, Money>>;
  readonly tone: 'warn' | 'bad';
}

/** The note a line carries from the cart itself: too many asked, or not sold (and why). */
export function lineNote(line: Pick<CartLineView, 'status' | 'available' | 'unavailableReason'>): Note | null {
  if (line.status === 'unavailable') return unavailableNote(line.unavailableReason);
  if (line.status === 'short') return shortNote(line.available);
  return null;
}

/**
 * Why a product cannot be bought: not on China's cross-border positive list, no HS code for customs
 * yet, or (archived, or no reason given) simply no longer sold.
 */
export function unavailableNote(reason: UnavailableReason | undefined): Note {
  if (reason === 'not_importable') return { key: 'cart.notImportable', tone: 'bad' };
  if (reason === 'no_hs_code') return { key: 'cart.noHsCode', tone: 'bad' };
  return { key: 'cart.unavailable', tone: 'bad' };
}

/** The reason a 422 on PUT .../lines/{productId} gives for a product China does not let in this way, or null for another 422. */
export function notImportableReason(problem: Problem | null): UnavailableReason | null {
  return problem?.reason === 'not_importable' || problem?.reason === 'no_hs_code' ? problem.reason : null;
}

/** A line checkout refused (409 with lines[]). */
function refusedLineNote(line: RefusedLine): Note {
  if (line.reason === 'unavailable') return unavailableNote(line.unavailableReason);
  if (line.reason === 'stale') return { key: 'cart.stale', tone: 'warn' };
  return shortNote(line.available);
}

function shortNote(available: number): Note {
  return available <= 0 ? { key: 'cart.soldOut', tone: 'bad' } : { key: 'cart.short', vars: { n: available }, tone: 'warn' };
}

/** A 409 on PUT .../lines/{id}: the message next to the line or under the add-to-cart button. */
export function notEnoughNote(available: number, alreadyInCart = 0): Note {
  if (available <= 0) return { key: 'stock.out', tone: 'bad' };
  if (alreadyInCart > 0) return { key: 'buy.onlyLeftInCart', vars: { n: available, inCart: alreadyInCart }, tone: 'warn' };
  return { key: 'buy.onlyLeft', vars: { n: available }, tone: 'warn' };
}

/** What a cart needs for checkout: its lines, and whether the API says the total fits one payment. */
export type CheckoutReadiness = Pick<CartView, 'lines'> & { readonly checkoutTotal?: { readonly payable?: boolean; readonly reason?: string } };

/** Why the Pay button is off, or null when checkout can go ahead. */
export function checkoutBlocker(cart: CheckoutReadiness): Note | null {
  if (cart.lines.some((line) => line.status !== 'ok')) return { key: 'cart.fixLines', tone: 'warn' };
  // China's cross-border rules cap one order at CNY 5,000, in any currency.
  if (cart.checkoutTotal?.payable === false && cart.checkoutTotal.reason === 'over_cross_border_limit') return { key: 'cart.overLimit', tone: 'bad' };
  // The rates are older than checkout charges at (functions/domain/payable.ts): nothing the shopper can change but wait.
  if (cart.checkoutTotal?.payable === false && cart.checkoutTotal.reason === 'rates_stale') return { key: 'cart.ratesStale', tone: 'warn' };
  // A very cheap item converted unit by unit can come to nothing in a currency with larger units.
  if (cart.checkoutTotal?.payable === false && cart.checkoutTotal.reason === 'charge_rounds_to_zero') return { key: 'cart.chargeZero', tone: 'bad' };
  // Stripe takes at most eight digits of minor units; the API flags a total above that.
  if (cart.checkoutTotal?.payable === false) return { key: 'cart.tooLarge', tone: 'bad' };
  return null;
}

/** Checkout is offered only when every line can be bought as it stands and the total fits one payment. */
export function canCheckout(cart: CheckoutReadiness): boolean {
  return cart.lines.length > 0 && checkoutBlocker(cart) === null;
}

export type CheckoutFailure =
  | { readonly kind: 'fields'; readonly note: Note; readonly fields: ReadonlyMap<CheckoutField, Note> }
  | { readonly kind: 'cart-gone'; readonly note: Note }
  | { readonly kind: 'lines'; readonly note: Note; readonly lines: ReadonlyMap<string, Note> }
  | { readonly kind: 'summary'; readonly note: Note };

/** Turns a refused POST /api/checkout (status 0: no answer at all) into what the page shows where. */
export function checkoutFailureOf(status: number, problem: Problem | null): CheckoutFailure {
  switch (status) {
    case 400: {
      const fields = fieldNotes(problem?.errors ?? []);
      if (fields.size > 0) return { kind: 'fields', note: { key: 'cart.fieldsRefused', tone: 'bad' }, fields };
      break;
    }
    case 404:
      return { kind: 'cart-gone', note: { key: 'cart.gone', tone: 'bad' } };
    case 409: {
      if (problem?.reason === 'notice_changed') {
        return { kind: 'fields', note: { key: 'cart.noticeChanged', tone: 'bad' }, fields: new Map([['noticeAccepted', { key: 'cart.noticeChanged', tone: 'bad' }]]) };
      }
      if (problem?.reason === 'checkout_in_progress') return { kind: 'summary', note: { key: 'cart.inProgress', tone: 'warn' } };
      if (problem?.reason === 'earlier_checkout_paid') return { kind: 'summary', note: { key: 'cart.alreadyPaid', tone: 'warn' } };
      const lines = problem?.lines ?? [];
      // 409 without lines: the cart emptied meanwhile (another tab); reloading it shows the empty state.
      return {
        kind: 'lines',
        note: { key: 'cart.linesRefused', tone: 'warn' },
        lines: new Map(lines.map((line) => [line.productId, refusedLineNote(line)])),
      };
    }
    case 422:
      if (problem?.reason === 'provider_refused') return { kind: 'summary', note: { key: 'cart.providerRefused', tone: 'bad' } };
      if (problem?.reason === 'over_cross_border_limit') return { kind: 'summary', note: perOrderLimitNote(problem.remaining) };
      if (problem?.reason === 'over_yearly_limit') return { kind: 'summary', note: yearlyLimitNote(problem.remaining) };
      if (problem?.reason === 'charge_rounds_to_zero') return { kind: 'summary', note: { key: 'cart.chargeZero', tone: 'bad' } };
      return { kind: 'summary', note: { key: 'cart.tooLarge', tone: 'bad' } };
    case 429:
      // Too many unpaid orders for this email or ID number (functions/http/checkout-app.ts): nothing was reserved.
      if (problem?.reason === 'too_many_unpaid_orders') return { kind: 'summary', note: tooManyUnpaidNote(problem) };
      break;
    case 502:
      return { kind: 'summary', note: { key: 'cart.providerDown', tone: 'bad' } };
    case 503:
      // Checkout charges only at fresh rates (functions/http/checkout-app.ts); nothing was reserved.
      if (problem?.reason === 'rates_stale') return { kind: 'summary', note: { key: 'cart.ratesStaleRefused', tone: 'warn' } };
      break;
  }
  return { kind: 'summary', note: { key: 'cart.failed', tone: 'bad' } };
}

/** What the shopper reads beside a field the server refused (400 problem+json naming its path). */
const FIELD_NOTES: Readonly<Record<CheckoutField, string>> = {
  email: 'cart.emailInvalid',
  'recipient.name': 'cart.required',
  'recipient.phone': 'cart.phoneInvalid',
  'recipient.province': 'cart.divisionInvalid',
  'recipient.city': 'cart.divisionInvalid',
  'recipient.district': 'cart.divisionInvalid',
  'recipient.address': 'cart.required',
  'recipient.postcode': 'cart.postcodeInvalid',
  'buyer.name': 'cart.required',
  'buyer.phone': 'cart.phoneInvalid',
  'buyer.idNumber': 'cart.idInvalid',
  noticeAccepted: 'cart.noticeRequired',
};

/** The refused fields the form has, each with its note; paths it has no field for (cartId...) are left out. */
function fieldNotes(errors: NonNullable<Problem['errors']>): Map<CheckoutField, Note> {
  const notes = new Map<CheckoutField, Note>();
  for (const { field } of errors) {
    // The page showed another version of the notice than the one in force: it is to be read again, reloaded.
    if (field === 'noticeVersion') notes.set('noticeAccepted', { key: 'cart.noticeChanged', tone: 'bad' });
    else if (isCheckoutField(field) && !notes.has(field)) notes.set(field, { key: FIELD_NOTES[field], tone: 'bad' });
  }
  return notes;
}

/**
 * Over China's CNY 5,000 per order (goods + freight). `remaining` is what an order of this buyer may
 * carry now: the per-order limit, or less when their yearly allowance is lower; without it, the rule alone.
 */
function perOrderLimitNote(remaining: Money | undefined): Note {
  if (remaining) return { key: 'cart.overLimitRemaining', amounts: { remaining }, tone: 'bad' };
  return { key: 'cart.overLimit', tone: 'bad' };
}

/** The unpaid-order limit, and in how many whole minutes (at least 1) a slot frees. */
function tooManyUnpaidNote(problem: Problem): Note {
  const minutes = Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60));
  return { key: 'cart.tooManyUnpaid', vars: { n: minutes, limit: problem.limit ?? 3 }, tone: 'warn' };
}

/** Over China's yearly CNY 26,000: how much the buyer may still buy this year, or that nothing is left. */
function yearlyLimitNote(remaining: Money | undefined): Note {
  if (remaining && remaining.amount > 0) return { key: 'cart.overYearly', amounts: { remaining }, tone: 'bad' };
  return { key: 'cart.yearlyUsedUp', tone: 'bad' };
}
