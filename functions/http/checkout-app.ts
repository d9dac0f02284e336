import { createRoute } from '@hono/zod-openapi';
import type { Language } from '../domain/languages.js';
import { PER_ORDER_LIMIT_CNY, YEARLY_LIMIT_CNY } from '../domain/cross-border.js';
import { formatMoney, type Money } from '../domain/money.js';
import { MAX_PAYMENT_AMOUNT } from '../domain/payment-methods.js';
import { CheckoutRefusedError, placeOrder, type CheckoutRefusal } from '../usecases/checkout.js';
import type { ShopDeps } from '../usecases/shop-deps.js';
import { jsonBodyGuard } from './body-guards.js';
import { ProblemError, problemOf, type ProblemTable } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { createRouter } from './router.js';
import { CheckoutAnswerSchema, CheckoutRequestSchema } from './schemas/checkout.js';

const checkout = createRoute({
  method: 'post',
  path: '/checkout',
  tags: ['Checkout'],
  summary: 'Reserve the cart’s stock and open a Stripe Checkout Session in one currency',
  description:
    'Re-prices every line from the catalogue, adds freight and the cross-border import tax, checks China’s limits (CNY 5,000 per order and ' +
    '26,000 per buyer and year, on goods plus freight), reserves all lines or none, and answers with the URL to pay at. ' +
    'The reservation lasts 30 minutes, as long as the payment page can be paid (Stripe’s shortest session). ' +
    'One email, and one buyer ID number, may have at most 3 unpaid orders at once: a 4th checkout answers 429 with reason too_many_unpaid_orders, ' +
    'a Retry-After header (seconds until a slot frees) and nothing reserved. Prices or totals sent by the client are ignored. Refusals over a limit come in the request’s language. ' +
    'A cart that converts a currency is charged only at exchange rates loaded less than 48 hours ago (RATES_MAX_AGE_HOURS; GET /api/rates says whether they are fresh); past that, 503 with reason rates_stale and nothing reserved.',
  request: { body: { required: true, content: { 'application/json': { schema: CheckoutRequestSchema } } } },
  responses: {
    201: { description: 'Order placed, stock held; send the shopper to checkoutUrl', content: { 'application/json': { schema: CheckoutAnswerSchema } } },
    ...problemResponses(400, 404, 409, 413, 415, 422, 429, 502, 503),
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
      if (error instanceof CheckoutRefusedError) throw toProblem(error, request.language);
      throw error;
    }
  });

  return app;
}

/** Every refusal also carries `reason` (the refusal's name), so a client tells two 409s or two 422s apart without reading titles. */
function toProblem({ refusal }: CheckoutRefusedError, language: Language): ProblemError {
  const problem = problemOf(CHECKOUT_PROBLEMS, refusal, language);
  return new ProblemError(problem.status, problem.title, { ...problem.extra, reason: refusal.reason }, problem.headers);
}

/** Every refusal of checkout, with its answer; the limits are explained in the shopper's language. */
const CHECKOUT_PROBLEMS: ProblemTable<CheckoutRefusal, Language> = {
  invalid_details: (refusal) =>
    new ProblemError(400, 'The request is not valid', {
      detail: `Check ${refusal.issues.map((issue) => issue.field).join(', ')}.`,
      errors: refusal.issues,
    }),
  notice_changed: (refusal) =>
    new ProblemError(409, 'The consumer notice has changed', {
      detail: 'Read the current consumer notice and accept it again.',
      version: refusal.version,
      errors: [{ field: 'noticeVersion', message: `the notice in force is version ${refusal.version}` }],
    }),
  over_cross_border_limit: (refusal, language) => limitProblem(refusal.indivisible ? 'indivisible' : refusal.reason, refusal, language),
  over_yearly_limit: (refusal, language) => limitProblem(refusal.reason, refusal, language),
  cart_missing: () => new ProblemError(404, 'No such cart', { detail: 'The cart does not exist or has lapsed.', errors: [{ field: 'cartId', message: 'no such cart' }] }),
  cart_empty: () => new ProblemError(409, 'The cart is empty', { detail: 'Add something to the cart first.' }),
  lines_refused: (refusal) =>
    new ProblemError(409, 'Some lines cannot be bought as they are', {
      detail: refusal.lines
        .map((line) => (line.reason === 'unavailable' ? `${line.productId} ${UNAVAILABLE[line.unavailableReason ?? 'archived']}` : `${line.productId}: ${line.available} left, ${line.requested} asked`))
        .join('; '),
      lines: refusal.lines,
    }),
  amount_too_large: (refusal) =>
    new ProblemError(422, 'The order is too large to pay in one go', {
      detail: `The payment provider takes at most ${MAX_PAYMENT_AMOUNT.toLocaleString('en')} minor units of ${refusal.total.currency}; split the order or choose another currency.`,
      total: refusal.total,
    }),
  charge_rounds_to_zero: (refusal) =>
    new ProblemError(422, 'Some items would cost nothing in this currency', {
      detail: `The unit price of ${refusal.productIds.join(', ')} converts to less than one minor unit of ${refusal.currency}; choose another currency.`,
      productIds: refusal.productIds,
    }),
  checkout_in_progress: () =>
    new ProblemError(409, 'This cart is being checked out already', {
      detail: 'Another checkout of this cart (another tab?) is under way. Pay there, or try again in a moment.',
    }),
  too_many_unpaid_orders: (refusal) =>
    new ProblemError(429, 'Too many unpaid orders', {
      detail: `This email or this buyer ID number already has ${refusal.limit} unpaid orders, each holding stock. Pay or cancel one of them, or try again in ${refusal.retryAfterSeconds} seconds. Nothing was reserved.`,
      limit: refusal.limit,
      retryAfterSeconds: refusal.retryAfterSeconds,
    }, { 'retry-after': String(refusal.retryAfterSeconds) }), // RFC 9110: seconds until a slot frees
  earlier_checkout_paid: () =>
    new ProblemError(409, 'This cart has been paid for', {
      detail: 'The payment of the earlier checkout of this cart went through or is on its way; its order page shows its state.',
    }),
  provider_refused: (refusal) =>
    new ProblemError(422, 'The payment provider refused this checkout', {
      detail: `Nothing was reserved or charged. The provider said: ${refusal.message}`,
    }),
  provider_failed: () => new ProblemError(502, 'The payment provider is not answering', { detail: 'Nothing was reserved or charged. Try again in a moment.' }),
  rates_stale: (refusal) =>
    new ProblemError(503, 'Exchange rates are out of date', {
      detail:
        (refusal.loadedAt
          ? `Checkout charges only at exchange rates loaded in the last ${refusal.maxAgeHours} hours; the current ones were loaded at ${refusal.loadedAt}. `
          : 'No exchange rates have been loaded yet. ') + 'Nothing was reserved or charged. Try again later.',
      ratesLoadedAt: refusal.loadedAt,
      maxAgeHours: refusal.maxAgeHours,
    }),
};

function limitProblem(kind: keyof typeof LIMIT_TEXTS, refusal: { value: Money; limit: Money; remaining: Money }, language: Language): ProblemError {
  const text = LIMIT_TEXTS[kind][language](refusal.value, refusal.remaining, language);
  return new ProblemError(422, text.title, { detail: text.detail, value: refusal.value, limit: refusal.limit, remaining: refusal.remaining });
}

const UNAVAILABLE = {
  archived: 'is no longer sold',
  no_hs_code: 'has no HS code for customs yet, so it cannot be sold',
  not_importable: 'is not on China’s positive list for cross-border retail imports, so it cannot be sold to China this way',
} as const;

type LimitText = (value: Money, remaining: Money, language: Language) => { title: string; detail: string };

const LOCALES: Record<Language, string> = { zh: 'zh-CN', ru: 'ru-RU', en: 'en' };
const yuan = (value: Money, language: Language) => formatMoney(value, LOCALES[language]);
const perOrder = (language: Language) => yuan(PER_ORDER_LIMIT_CNY, language);
const perYear = (language: Language) => yuan(YEARLY_LIMIT_CNY, language);

/** The limit refusals the shopper reads, in their language: the rule, what the order comes to, and what is left. */
const LIMIT_TEXTS: Record<'over_cross_border_limit' | 'indivisible' | 'over_yearly_limit', Record<Language, LimitText>> = {
  over_cross_border_limit: {
    zh: (value, remaining, l) => ({
      title: '订单超过跨境电商单次交易限值',
      detail: `跨境电商零售进口单次交易限值为 ${perOrder(l)}（商品加运费）。本订单为 ${yuan(value, l)}，本次最多可购 ${yuan(remaining, l)}。请减少商品后再结算。`,
    }),
    ru: (value, remaining, l) => ({
      title: 'Заказ превышает лимит одной трансграничной покупки',
      detail: `Один трансграничный заказ в Китай — не более ${perOrder(l)} (товары с доставкой). Этот заказ — ${yuan(value, l)}, сейчас можно не более ${yuan(remaining, l)}. Уберите часть товаров.`,
    }),
    en: (value, remaining, l) => ({
      title: 'The order is over China’s cross-border limit per order',
      detail: `One cross-border order into China may carry at most ${perOrder(l)} of goods and freight. This one comes to ${yuan(value, l)}; an order may carry ${yuan(remaining, l)} now. Remove some items to continue.`,
    }),
  },
  // One item worth more than the limit on its own: fewer items cannot help, and the store does not sell as general trade.
  indivisible: {
    zh: (value, _remaining, l) => ({
      title: '单件商品超过跨境电商单次交易限值',
      detail: `这件商品连同运费为 ${yuan(value, l)}，超过跨境电商零售进口单次限值 ${perOrder(l)}。超过限值的单件商品只能按一般贸易进口，本店不以此方式销售。`,
    }),
    ru: (value, _remaining, l) => ({
      title: 'Один товар дороже лимита трансграничной покупки',
      detail: `Этот товар с доставкой стоит ${yuan(value, l)} — больше лимита одной трансграничной покупки (${perOrder(l)}). Такой товар ввозится только как обычный импорт, а магазин так не продаёт.`,
    }),
    en: (value, _remaining, l) => ({
      title: 'This one item is over China’s cross-border limit per order',
      detail: `With freight this item comes to ${yuan(value, l)}, more than the ${perOrder(l)} one cross-border order may carry. Such an item can only be imported as general trade, which this store does not sell.`,
    }),
  },
  over_yearly_limit: {
    zh: (value, remaining, l) => ({
      title: '超过个人年度跨境电商交易限值',
      detail: `每位订购人每年跨境电商零售进口限值为 ${perYear(l)}（商品加运费，含未支付订单）。本订单为 ${yuan(value, l)}，您今年剩余额度为 ${yuan(remaining, l)}。`,
    }),
    ru: (value, remaining, l) => ({
      title: 'Превышен годовой лимит трансграничных покупок',
      detail: `Один покупатель может ввезти за год не более чем на ${perYear(l)} (товары с доставкой, включая неоплаченные заказы). Этот заказ — ${yuan(value, l)}, в этом году осталось ${yuan(remaining, l)}.`,
    }),
    en: (value, remaining, l) => ({
      title: 'The order is over the buyer’s yearly cross-border limit',
      detail: `A buyer may import at most ${perYear(l)} a year (goods and freight, unpaid orders included). This order comes to ${yuan(value, l)}; this buyer has ${yuan(remaining, l)} left this year.`,
    }),
  },
};
