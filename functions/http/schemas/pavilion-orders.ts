import { z } from '@hono/zod-openapi';
import { LINE_FULFILMENTS, ORDER_ID } from '../../domain/order.js';
import { LineRefundSchema, LineReturnSchema } from './after-sale.js';
import { CurrencySchema, FulfilmentModeSchema, PavilionCodeSchema } from './catalogue.js';
import { CursorQuery, pageLimit } from './page.js';
import { CnyMoneySchema, RecipientAnswerSchema } from './shipping.js';

export const ShipToSchema = z
  .object({
    recipient: RecipientAnswerSchema,
    fullAddress: z.string().openapi({ description: 'The address as a courier label reads it, largest first', example: '山东省青岛市市南区香港中路 10 号 2 单元 501' }),
    buyerName: z.string().openapi({ description: 'The buyer (订购人) customs clears the parcel for' }),
    buyerIdMasked: z.string().openapi({ description: "The buyer's resident ID, first 3 and last 4 characters only", example: '370***********9973' }),
  })
  .openapi('ShipTo');

/** The shopper's charge stays with the order: the pavilion sees the refund's state, not its amount. */
const PavilionLineRefundSchema = LineRefundSchema.omit({ amount: true }).openapi('PavilionLineRefund');

export const OrderLineSchema = z
  .object({
    orderId: z.string(),
    lineNo: z.number().int(),
    productId: z.string(),
    pavilion: PavilionCodeSchema,
    sku: z.string(),
    title: z.object({ zh: z.string(), ru: z.string(), en: z.string() }),
    image: z.string().optional(),
    quantity: z.number().int(),
    unitPrice: z.object({ amount: z.number().int(), currency: CurrencySchema }),
    // Lines placed before orders became cross-border imports carry none of these.
    hsCode: z.string().optional().openapi({ description: "China's tariff code the line is declared under" }),
    weightGrams: z.number().int().optional().openapi({ description: 'Weight of one unit' }),
    fulfilmentMode: FulfilmentModeSchema.optional(),
    unitPriceCny: CnyMoneySchema.optional(),
    goodsCny: CnyMoneySchema.optional().openapi({ description: 'The value declared to customs for the line' }),
    freightCny: CnyMoneySchema.optional().openapi({ description: "The line's share of its parcel's freight" }),
    dutiableCny: CnyMoneySchema.optional(),
    taxCny: CnyMoneySchema.optional().openapi({ description: 'Import tax the store withheld for the line' }),
    shipTo: ShipToSchema.optional().openapi({ description: 'Where to send the line; absent only on lines placed before checkout asked for it' }),
    fulfilment: z.enum(LINE_FULFILMENTS).openapi({ description: 'cancelled: do not ship it (refunded, or its order cancelled)' }),
    paidAt: z.string().optional(),
    carrier: z.string().optional(),
    trackingNumber: z.string().optional(),
    shippedAt: z.string().optional(),
    refund: PavilionLineRefundSchema.optional().openapi({ description: 'The line’s refund, once one was asked for' }),
    return: LineReturnSchema.optional().openapi({ description: 'The shopper’s return of the line: accept or decline it, then mark the goods received' }),
  })
  .openapi('FulfilmentLine');

export const OrderQueueQuery = z
  .object({
    // Cancelled (refunded) lines are listed with every line when the filter is omitted; the workspace's
    // filter menu is built from these options, so one for them comes with its words in the site.
    fulfilment: z.enum(['to_ship', 'shipped']).optional().openapi({ description: 'Omit for all, cancelled (refunded) lines included' }),
    limit: pageLimit(50),
    cursor: CursorQuery,
  })
  .strict();

export const OrderLineParams = z.object({
  orderId: z.string().regex(ORDER_ID, 'an order id such as ORD-…').openapi({ param: { name: 'orderId', in: 'path' } }),
  lineNo: z.coerce.number().int().min(1).max(999).openapi({ param: { name: 'lineNo', in: 'path' }, type: 'integer' }),
});

export const ShipmentSchema = z
  .object({
    carrier: z.string().trim().min(2).max(60),
    trackingNumber: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{3,39}$/, '4 to 40 letters, digits, spaces or dashes'),
  })
  .strict()
  .openapi('Shipment');
