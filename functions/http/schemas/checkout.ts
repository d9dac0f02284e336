import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/languages.js';
import { LINE_FULFILMENTS, ORDER_ID, ORDER_STATUSES, ORDER_TOKEN } from '../../domain/order.js';
import { LineRefundSchema, LineReturnSchema, RefundSchema } from './after-sale.js';
import { CartIdSchema, ExchangeRateSchema } from './cart.js';
import { CurrencySchema, LocalizedSchema, MoneySchema, PavilionCodeSchema } from './catalogue.js';
import { RecipientAnswerSchema } from './shipping.js';

const text = (max: number, what: string) => z.string().trim().min(1, `required: ${what}`).max(max, `at most ${max} characters`);

/** Who receives the parcel in mainland China. Phone, postcode and the divisions are checked by the domain (domain/recipient.ts). */
export const RecipientSchema = z
  .object({
    name: text(50, 'the recipient’s name'),
    phone: z.string().max(20).openapi({ description: 'Mainland mobile number: 11 digits starting with 1', example: '13800138000' }),
    province: text(20, 'a province').openapi({ description: 'GB/T 2260 code (370000) or exact Chinese name (山东省)', example: '370000' }),
    city: text(20, 'a city').openapi({ description: 'GB/T 2260 code or exact Chinese name, inside the province', example: '370200' }),
    district: text(20, 'a district').openapi({ description: 'GB/T 2260 code or exact Chinese name, inside the city', example: '370202' }),
    address: text(120, 'the street address').openapi({ example: '香港中路 8 号 3 单元 1201 室' }),
    postcode: z.string().max(10).openapi({ description: 'Six digits', example: '266071' }),
  })
  .strict()
  .openapi('Recipient');

/** The buyer (订购人) customs names: real name and resident ID number; the payer must be this person. */
export const BuyerSchema = z
  .object({
    name: text(50, 'the buyer’s real name'),
    idNumber: z.string().max(32).openapi({ description: 'Resident ID number: 17 digits and a check digit or X. Stored encrypted, shown masked.' }),
    phone: z.string().max(20).optional().openapi({ description: 'The buyer’s mainland mobile; the recipient’s when omitted' }),
  })
  .strict()
  .openapi('Buyer');

/**
 * The shopper says which cart, where it goes, who buys it, and how to pay; never what it costs.
 * Fields beyond these (a price, a total...) are dropped unread.
 */
export const CheckoutRequestSchema = z
  .object({
    cartId: CartIdSchema,
    email: z.email('an email address').max(254),
    currency: CurrencySchema.default('CNY').openapi({ description: 'The one currency the whole order is charged in' }),
    language: z.enum(LANGUAGES).default('zh').openapi({ description: 'Language of the Stripe page, of our return pages and of refusals' }),
    recipient: RecipientSchema,
    buyer: BuyerSchema,
    noticeAccepted: z.literal(true, 'the consumer notice must be accepted').openapi({ description: 'The buyer accepted the consumer notice' }),
    noticeVersion: z.string().max(40).optional().openapi({ description: 'The notice version the page showed; another than the current one gets 409' }),
  })
  .openapi('CheckoutRequest', {
    example: {
      cartId: 'q3Yc1xKp0mR8d2uVn5ZbAw',
      email: 'shopper@example.com',
      currency: 'CNY',
      language: 'zh',
      recipient: { name: '王芳', phone: '13800138000', province: '370000', city: '370200', district: '370202', address: '香港中路 8 号 1201 室', postcode: '266071' },
      buyer: { name: '王芳', idNumber: '11010519491231002X' },
      noticeAccepted: true,
    },
  });

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

const OrderToken = z.string().regex(ORDER_TOKEN, 'the order token from the success URL');

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

/** The order's changes (cancel, return) take the token in the header only. */
export const OrderTokenHeaders = z.object({
  'x-order-token': OrderToken.openapi({
    param: { name: 'x-order-token', in: 'header' },
    description: 'The order token from the fragment of the success URL (#token=…)',
  }),
});

export const OrderLineParams = OrderParams.extend({
  lineNo: z.coerce.number().int().min(1).max(999).openapi({ param: { name: 'lineNo', in: 'path' }, type: 'integer' }),
});

/** Deprecated: kept for one release so links in already-sent emails and open tabs keep working. */
/** No query parameters: the token travels only in the x-order-token header (a query string is written to access logs). */
export const OrderQuery = z.object({}).strict();

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
    fulfilment: z.enum(LINE_FULFILMENTS).openapi({ description: 'cancelled: it will not ship (refunded, or the order cancelled, before it left)' }),
    shipment: z
      .object({ carrier: z.string().nullable(), trackingNumber: z.string().nullable(), shippedAt: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Set once the pavilion has shipped the line' }),
    refund: LineRefundSchema.nullable().openapi({ description: 'The line’s refund, once one was asked for' }),
    return: LineReturnSchema.nullable().openapi({ description: 'The line’s return, once the shopper asked for one' }),
    returnableUntil: z.string().nullable().openapi({
      description: 'A shipped line may be returned until then (30 days after its estimated customs clearance); null when it cannot be (not shipped, refunded, or asked already)',
    }),
  })
  .openapi('OrderLine');

export const OrderSchema = z
  .object({
    orderId: z.string(),
    status: z.enum(ORDER_STATUSES),
    currency: CurrencySchema,
    total: MoneySchema.openapi({ description: 'goods + freight + tax, in the order’s currency' }),
    goods: MoneySchema,
    freight: MoneySchema,
    tax: MoneySchema.openapi({ description: 'Cross-border import tax withheld for customs' }),
    dutiableValue: MoneySchema.openapi({ description: 'Goods plus freight in CNY: what China’s limits count' }),
    recipient: RecipientAnswerSchema.nullable(),
    buyer: z.object({ name: z.string(), idNumberMasked: z.string() }).nullable().openapi({ description: 'The ID number only masked (first 3 and last 4)' }),
    notice: z.object({ version: z.string(), acceptedAt: z.string() }).nullable(),
    subtotals: z.array(MoneySchema),
    rates: z.array(ExchangeRateSchema),
    lines: z.array(OrderLineSchema),
    createdAt: z.string(),
    expiresAt: z.string(),
    paidAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    refunded: MoneySchema.openapi({ description: 'What refunds the payment provider confirmed add up to, in the order’s currency' }),
    refunds: z.array(RefundSchema).openapi({ description: 'Every refund asked for, oldest first' }),
  })
  .openapi('Order');
