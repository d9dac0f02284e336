import { z } from '@hono/zod-openapi';
import { CATEGORIES, HS_CODE, SKU } from '../../domain/catalogue.js';
import { MAX_IMAGES, MAX_UNIT_PRICE } from '../../domain/listing.js';
import { ORDER_ID } from '../../domain/order.js';
import { MAX_ON_HAND, STOCK_REASONS } from '../../domain/stock.js';
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from '../../ports/image-store.js';
import { CertificateSchema, CurrencySchema, FulfilmentModeSchema, FulfilmentSchema, PavilionCodeSchema } from './catalogue.js';
import { CnyMoneySchema, RecipientAnswerSchema } from './shipping.js';

/** A text in all three site languages; every one is required, so no shopper ever sees a blank. */
const localizedText = (max: number, name: string) =>
  z
    .object({
      zh: z.string().trim().min(1, 'required in Chinese').max(max),
      ru: z.string().trim().min(1, 'required in Russian').max(max),
      en: z.string().trim().min(1, 'required in English').max(max),
    })
    .strict()
    .openapi(name);

const ShortText = localizedText(200, 'ShortLocalizedText');
const LongText = localizedText(4000, 'LongLocalizedText');

/** Said for a missing code and a malformed one alike: what the field wants, with an example. */
export const HS_CODE_MESSAGE = "10 digits, China's tariff code, e.g. 0409000000";

/** China's 10-digit tariff code: customs declares the line under it and the import tax rate follows from it. */
export const HsCodeSchema = z
  .string({ error: HS_CODE_MESSAGE })
  .trim()
  .regex(HS_CODE, HS_CODE_MESSAGE)
  .openapi({
    description: "China's 10-digit tariff code (HS code with China's national subheadings); the import tax rate follows from it",
    example: '0409000000',
  });

export const ListingContentSchema = z
  .object({
    category: z.enum(CATEGORIES),
    title: ShortText,
    description: LongText,
    unit: localizedText(40, 'UnitText'),
    price: z
      .object({
        amount: z
          .number()
          .int('whole minor units (fen, tyiyn, kopeks)')
          .min(1, 'above zero')
          .max(MAX_UNIT_PRICE, `at most ${MAX_UNIT_PRICE} minor units (999,999.99): one payment carries no more`),
        currency: CurrencySchema,
      })
      .strict(),
    weightGrams: z.number().int('whole grams').min(1).max(100_000),
    origin: ShortText,
    producer: ShortText,
    certificates: z.array(CertificateSchema.strict()).max(10).default([]),
    fulfilment: FulfilmentSchema.strict(),
    hsCode: HsCodeSchema,
    images: z.array(z.string().max(300)).max(MAX_IMAGES).default([]),
  })
  .strict();

export const CreateListingSchema = ListingContentSchema.extend({
  sku: z.string().regex(SKU, 'letters, digits, dot, dash or underscore; up to 40'),
  /** Units on hand when the listing opens; 0 if omitted. */
  onHand: z.number().int().min(0).max(MAX_ON_HAND).optional(),
})
  .strict()
  .openapi('NewListing');

export const UpdateListingSchema = ListingContentSchema.extend({
  version: z.number().int().min(1).openapi({ description: 'The version you edited; a newer one on the server gets 409' }),
})
  .strict()
  .openapi('ListingEdit');

export const ListingSchema = z
  .object({
    id: z.string(),
    pavilion: PavilionCodeSchema,
    sku: z.string(),
    status: z.enum(['active', 'archived']),
    category: z.enum(CATEGORIES),
    title: ShortText,
    description: LongText,
    unit: localizedText(40, 'UnitText'),
    price: z.object({ amount: z.number().int(), currency: CurrencySchema }),
    weightGrams: z.number().int(),
    origin: ShortText,
    producer: ShortText,
    certificates: z.array(CertificateSchema),
    fulfilment: FulfilmentSchema,
    hsCode: z.string().openapi({ description: "China's 10-digit tariff code", example: '0409000000' }),
    images: z.array(z.string()),
    stock: z.number().int().openapi({ description: 'Free to sell now' }),
    reserved: z.number().int().openapi({ description: 'Held by checkouts awaiting payment' }),
    sold: z.number().int(),
    onHand: z.number().int().openapi({ description: 'stock + reserved: what should be on the shelf' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Listing');

export const ListingPageSchema = z.object({ items: z.array(ListingSchema), nextCursor: z.string().nullable() }).openapi('ListingPage');

export const ListingIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z]{2}-[a-z0-9][a-z0-9-]{0,62}$/, 'a product id such as kg-honey-500')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'kg-honey-white-500' }),
});

export const ListingListQuery = z
  .object({
    status: z.enum(['active', 'archived']).optional().openapi({ description: 'Omit for every status' }),
    limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ type: 'integer' }),
    cursor: z.string().max(1024).optional(),
  })
  .strict();

export const StatusChangeSchema = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .openapi('StatusChange');

export const StockChangeSchema = z
  .object({
    delta: z.number().int().min(-MAX_ON_HAND).max(MAX_ON_HAND).optional().openapi({ description: 'Add (or with a minus, remove) units' }),
    onHand: z.number().int().min(0).max(MAX_ON_HAND).optional().openapi({ description: 'Or: the units you counted on hand' }),
    reason: z.enum(STOCK_REASONS),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.delta === undefined) === (value.onHand === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['delta'], message: 'give either delta or onHand' });
    }
    if (value.delta === 0) ctx.addIssue({ code: 'custom', path: ['delta'], message: 'a change of zero changes nothing' });
  })
  .openapi('StockChange');

export const StockMovementSchema = z
  .object({
    productId: z.string(),
    delta: z.number().int(),
    reason: z.enum(STOCK_REASONS),
    note: z.string().optional(),
    by: z.string(),
    at: z.string(),
  })
  .openapi('StockMovement');

export const UploadRequestSchema = z
  .object({
    contentType: z.enum(Object.keys(IMAGE_TYPES) as [keyof typeof IMAGE_TYPES]).openapi({ description: 'JPEG, PNG or WebP (SVG is refused: it can carry scripts)' }),
    contentLength: z.number().int().min(1).max(MAX_IMAGE_BYTES, 'at most 5 MB'),
  })
  .strict()
  .openapi('UploadRequest');

export const UploadTargetSchema = z
  .object({
    method: z.literal('PUT'),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    imageUrl: z.string(),
    expiresAt: z.string(),
  })
  .openapi('UploadTarget');

export const ImportRowReportSchema = z
  .object({
    line: z.number().int(),
    sku: z.string(),
    productId: z.string().optional(),
    outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('ImportRowReport');

export const ImportReportSchema = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    report: z.array(ImportRowReportSchema),
  })
  .openapi('ImportReport');

export const ShipToSchema = z
  .object({
    recipient: RecipientAnswerSchema,
    fullAddress: z.string().openapi({ description: 'The address as a courier label reads it, largest first', example: '山东省青岛市市南区香港中路 10 号 2 单元 501' }),
    buyerName: z.string().openapi({ description: 'The buyer (订购人) customs clears the parcel for' }),
    buyerIdMasked: z.string().openapi({ description: "The buyer's resident ID, first 3 and last 4 characters only", example: '370***********9973' }),
  })
  .openapi('ShipTo');

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
    fulfilment: z.enum(['awaiting_payment', 'to_ship', 'shipped']),
    paidAt: z.string().optional(),
    carrier: z.string().optional(),
    trackingNumber: z.string().optional(),
    shippedAt: z.string().optional(),
  })
  .openapi('FulfilmentLine');

export const OrderQueueQuery = z
  .object({
    fulfilment: z.enum(['to_ship', 'shipped']).optional().openapi({ description: 'Omit for both' }),
    limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ type: 'integer' }),
    cursor: z.string().max(1024).optional(),
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

export const SessionConfigSchema = z
  .object({
    signInUrl: z.string().openapi({ description: 'Where a manager signs in; it comes back to /pavilion/#id_token=…&state=… (the page adds its own state and nonce)' }),
    signOutUrl: z.string().optional(),
  })
  .openapi('PavilionSessionConfig');

export const ManagerSchema = z.object({ subject: z.string(), pavilion: PavilionCodeSchema }).openapi('Manager');
