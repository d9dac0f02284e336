import { randomBytes } from 'node:crypto';
import type { FormValue } from './form.js';

/** The parts of a Stripe Checkout Session this project uses, shaped like the real object. */
export interface LocalSession {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  payment_method_types: string[];
  allowed_payment_method_types: string[] | null;
  payment_method_options: Record<string, unknown>;
  locale: string | null;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
}

export interface LocalLineItem {
  name: string;
  quantity: number;
  unit_amount: number;
  currency: string;
}

export class StripeRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'idempotency_error' | 'authentication_error' | 'api_error',
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const KNOWN_PARAMS = new Set([
  'mode', 'line_items', 'allowed_payment_method_types', 'payment_method_types', 'payment_method_options', 'customer_email',
  'client_reference_id', 'metadata', 'payment_intent_data', 'success_url', 'cancel_url', 'expires_at', 'locale', 'expand',
]);
const METHODS = new Set(['card', 'alipay', 'wechat_pay']);
/** Stripe docs (Checkout): presentment currencies of each wallet; cards take every currency we use. */
const WALLET_CURRENCIES: Record<string, readonly string[]> = {
  alipay: ['aud', 'cad', 'cny', 'eur', 'gbp', 'hkd', 'jpy', 'nzd', 'sgd', 'usd', 'myr'],
  wechat_pay: ['aud', 'cad', 'cny', 'eur', 'gbp', 'hkd', 'jpy', 'sgd', 'usd', 'dkk', 'nok', 'sek', 'chf'],
};
const MAX_AMOUNT = 99_999_999;

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Validates create-session parameters the way Stripe does for what we use, and builds the session. */
export function buildSession(params: Record<string, FormValue>, nowSeconds: number, baseUrl: string): { session: LocalSession; lines: LocalLineItem[] } {
  for (const key of Object.keys(params)) {
    if (!KNOWN_PARAMS.has(key)) throw invalid(`Received unknown parameter: ${key}`, key);
  }
  if (params.mode !== 'payment') throw invalid('This local Stripe only supports mode=payment.', 'mode');
  const successUrl = text(params.success_url, 'success_url', true);
  const cancelUrl = text(params.cancel_url, 'cancel_url', false);
  const rawLines = params.line_items;
  if (!Array.isArray(rawLines) || rawLines.length === 0) throw invalid('line_items must contain at least one item.', 'line_items');
  if (rawLines.length > 100) throw invalid('line_items may contain at most 100 items.', 'line_items');
  const lines = rawLines.map((raw, index) => lineItem(raw, index));
  const currency = lines[0]!.currency;
  if (lines.some((line) => line.currency !== currency)) {
    throw invalid('All line items must use the same currency.', 'line_items');
  }
  const total = lines.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0);
  if (total > MAX_AMOUNT) throw invalid(`Amount must be no more than ${MAX_AMOUNT} ${currency}.`, 'line_items', 'amount_too_large');

  const requested = params.allowed_payment_method_types ?? params.payment_method_types ?? ['card'];
  if (!Array.isArray(requested) || requested.some((method) => typeof method !== 'string')) throw invalid('Invalid array', 'allowed_payment_method_types');
  const methods = requested as string[];
  const options = (typeof params.payment_method_options === 'object' && !Array.isArray(params.payment_method_options) ? params.payment_method_options : {}) as Record<string, FormValue>;
  for (const method of methods) {
    if (!METHODS.has(method)) throw invalid(`The payment method type "${method}" is not enabled on this local account.`, 'allowed_payment_method_types');
    const wallet = WALLET_CURRENCIES[method];
    if (wallet && !wallet.includes(currency)) throw invalid(`The currency provided (${currency}) is invalid for ${method}.`, 'allowed_payment_method_types');
    if (wallet && total > MAX_AMOUNT) throw invalid(`${method} takes at most ${MAX_AMOUNT} minor units.`, 'allowed_payment_method_types');
  }
  if (methods.includes('wechat_pay')) {
    const client = (options.wechat_pay as Record<string, FormValue> | undefined)?.client;
    if (client !== 'web') throw invalid('payment_method_options[wechat_pay][client] must be set to `web` for Checkout.', 'payment_method_options[wechat_pay][client]');
  }

  const expiresAt = params.expires_at === undefined ? nowSeconds + 24 * 3600 : Number(params.expires_at);
  if (!Number.isInteger(expiresAt) || expiresAt < nowSeconds + 30 * 60 || expiresAt > nowSeconds + 24 * 3600) {
    throw invalid('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', 'expires_at');
  }
  const email = text(params.customer_email, 'customer_email', false);
  const metadata = stringMap(params.metadata, 'metadata');
  const id = newId('cs_test');
  const session: LocalSession = {
    id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'open',
    payment_status: 'unpaid',
    amount_subtotal: total,
    amount_total: total,
    currency,
    customer_email: email,
    customer_details: null,
    client_reference_id: text(params.client_reference_id, 'client_reference_id', false),
    metadata,
    payment_intent: null,
    payment_method_types: methods,
    allowed_payment_method_types: params.allowed_payment_method_types ? methods : null,
    payment_method_options: options,
    locale: text(params.locale, 'locale', false),
    success_url: successUrl!,
    cancel_url: cancelUrl,
    url: `${baseUrl}/pay/${id}`,
    created: nowSeconds,
    expires_at: expiresAt,
    livemode: false,
  };
  return { session, lines };
}

function lineItem(raw: FormValue, index: number): LocalLineItem {
  const param = `line_items[${index}]`;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('Invalid object', param);
  const quantity = Number(raw.quantity);
  if (!Number.isInteger(quantity) || quantity < 1) throw invalid('Quantity must be a positive integer.', `${param}[quantity]`);
  const price = raw.price_data;
  if (typeof price !== 'object' || Array.isArray(price)) throw invalid('You must specify either `price` or `price_data`.', param);
  const currency = typeof price.currency === 'string' ? price.currency : '';
  if (!/^[a-z]{3}$/.test(currency)) throw invalid('Invalid currency', `${param}[price_data][currency]`);
  const unitAmount = Number(price.unit_amount);
  if (!Number.isInteger(unitAmount) || unitAmount < 0) throw invalid('Invalid integer', `${param}[price_data][unit_amount]`);
  const product = price.product_data;
  const name = typeof product === 'object' && !Array.isArray(product) && typeof product.name === 'string' ? product.name : '';
  if (!name) throw invalid('Missing required param: name.', `${param}[price_data][product_data][name]`);
  return { name, quantity, unit_amount: unitAmount, currency };
}

function text(value: FormValue | undefined, param: string, required: boolean): string | null {
  if (value === undefined || value === '') {
    if (required) throw invalid(`Missing required param: ${param}.`, param);
    return null;
  }
  if (typeof value !== 'string') throw invalid('Invalid string', param);
  return value;
}

function stringMap(value: FormValue | undefined, param: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('Invalid object', param);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, typeof inner === 'string' ? inner : JSON.stringify(inner)]));
}

function invalid(message: string, param?: string, code?: string): StripeRequestError {
  return new StripeRequestError(400, 'invalid_request_error', message, param, code);
}
