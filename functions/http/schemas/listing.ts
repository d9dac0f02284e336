import { z } from '@hono/zod-openapi';
import { CATEGORIES, HS_CODE, SKU } from '../../domain/catalogue.js';
import { MAX_IMAGES, MAX_UNIT_PRICE, type ListingContent } from '../../domain/listing.js';
import { MAX_ON_HAND } from '../../domain/stock.js';
import type { ContentCheck } from '../../usecases/pavilion/import-listings.js';
import { CertificateSchema, CurrencySchema, FulfilmentSchema, PavilionCodeSchema } from './catalogue.js';
import { CursorQuery, pageLimit } from './page.js';

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
    limit: pageLimit(50),
    cursor: CursorQuery,
  })
  .strict();

export const StatusChangeSchema = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .openapi('StatusChange');

/** A CSV row's content held to the same schema as a listing sent as JSON (usecases/pavilion/import-listings.ts). */
export const checkListingContent: ContentCheck = (content) => {
  const parsed = ListingContentSchema.safeParse(content);
  if (parsed.success) return { content: parsed.data as ListingContent };
  return { issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) };
};
