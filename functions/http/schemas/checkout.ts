import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/languages.js';
import { ORDER_ID } from '../../domain/order.js';
import { CartIdSchema, ExchangeRateSchema } from './cart.js';
import { CurrencySchema, LocalizedSchema, MoneySchema, PavilionCodeSchema } from './catalogue.js';

/**
 * The shopper says which cart, where the receipt goes, and how to pay; never what it costs.
 * Fields beyond these (a price, a total...) are dropped unread.
 */
export const CheckoutRequestSchema = z
  .object({
    cartId: CartIdSchema,
    email: z.email('an email address').max(254),
    currency: CurrencySchema.default('CNY').openapi({ description: 'The one currency the whole order is charged in' }),
    language: z.enum(LANGUAGES).default('zh').openapi({ description: 'Language of the Stripe page and of our return pages' }),
  })
  .openapi('CheckoutRequest', { example: { cartId: 'q3Yc1xKp0mR8d2uVn5ZbAw', email: 'shopper@example.com', currency: 'CNY', language: 'zh' } });

export const CheckoutAnswerSchema = z
  .object({
    orderId: z.string(),
    checkoutUrl: z.string().url().openapi({ description: 'Send the shopper here to pay' }),
    orderToken: z.string().openapi({ description: 'The secret that opens GET /api/orders/{id}; also in the success URL' }),
    expiresAt: z.string().openapi({ description: 'The stock is held until then' }),
    total: MoneySchema,
  })
  .openapi('CheckoutAnswer');

export const OrderIdSchema = z.string().regex(ORDER_ID, 'an order id such as ORD-7K3M9Q2D5X8B1N4R');

export const OrderParams = z.object({ id: OrderIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'ORD-7K3M9Q2D5X8B1N4R' }) });

const OrderToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the order token from the success URL');

/**
 * The order token travels in a header: query strings land in CloudFront's access logs, headers do not.
 * Header names arrive lower-cased, so the key is too. Not strict: a browser sends many other headers.
 */
export const OrderHeaders = z.object({
  'x-order-token': OrderToken.optional().openapi({
    param: { name: 'x-order-token', in: 'header' },
    description: 'The order token from the fragment of the success URL (#token=…). Required unless the deprecated ?token= is given.',
  }),
});

/** Deprecated: kept for one release so links in already-sent emails and open tabs keep working. */
export const OrderQuery = z
  .object({
    token: OrderToken.optional().openapi({
      param: { name: 'token', in: 'query', deprecated: true },
      description: 'Deprecated, use the x-order-token header: a token in the query string is written to access logs. Removed in the next release.',
    }),
  })
  .strict();

export const OrderLineSchema = z
  .object({
    lineNo: z.number().int().positive(),
    productId: z.string(),
    pavilion: PavilionCodeSchema,
    sku: z.string(),
    title: LocalizedSchema,
    image: z.string().nullable(),
    quantity: z.number().int().positive(),
    unitPrice: MoneySchema.openapi({ description: 'Catalogue price when ordered, in the pavilion’s currency' }),
    chargedUnitPrice: MoneySchema.openapi({ description: 'Charged per unit, in the order’s currency' }),
    chargedLineTotal: MoneySchema,
    fulfilment: z.enum(['awaiting_payment', 'to_ship', 'shipped']),
    shipment: z
      .object({ carrier: z.string().nullable(), trackingNumber: z.string().nullable(), shippedAt: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Set once the pavilion has shipped the line' }),
  })
  .openapi('OrderLine');

export const OrderSchema = z
  .object({
    orderId: z.string(),
    status: z.enum(['pending_payment', 'paid', 'expired', 'payment_failed', 'paid_needs_attention']),
    currency: CurrencySchema,
    total: MoneySchema,
    subtotals: z.array(MoneySchema),
    rates: z.array(ExchangeRateSchema),
    lines: z.array(OrderLineSchema),
    createdAt: z.string(),
    expiresAt: z.string(),
    paidAt: z.string().nullable(),
  })
  .openapi('Order');
