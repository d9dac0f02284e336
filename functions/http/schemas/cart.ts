import { z } from '@hono/zod-openapi';
import { CART_ID, MAX_LINE_QUANTITY } from '../../domain/cart.js';
import { PRODUCT_ID } from '../../domain/catalogue.js';
import { CurrencySchema, FulfilmentModeSchema, LocalizedSchema, MoneySchema, PavilionCodeSchema } from './catalogue.js';

export const CartIdSchema = z.string().regex(CART_ID, 'a cart id: 22 characters of base64url');

export const ExchangeRateSchema = z
  .object({
    from: CurrencySchema,
    to: CurrencySchema,
    numerator: z.number().int().positive(),
    denominator: z.number().int().positive(),
    asOf: z.string().openapi({ description: 'The publisher’s date of the rate (for a cross rate, the older of its two)' }),
    source: z.string().optional().openapi({ description: 'Where the rate comes from: the publisher, or the rates file it was loaded from' }),
  })
  .openapi('ExchangeRate', {
    description: 'Minor units of `to` per minor unit of `from`, as the exact fraction numerator/denominator.',
    example: { from: 'KGS', to: 'CNY', numerator: 227929, denominator: 2818150, asOf: '2025-12-13', source: 'Bank of Russia (cbr.ru XML_daily)' },
  });

export const CartLineSchema = z
  .object({
    productId: z.string(),
    pavilion: PavilionCodeSchema,
    sku: z.string(),
    title: LocalizedSchema,
    unit: LocalizedSchema,
    image: z.string().nullable().openapi({ description: 'Site-relative cover image, or null' }),
    quantity: z.number().int().positive(),
    available: z.number().int().nonnegative().openapi({ description: 'Units free to buy right now' }),
    unitPrice: MoneySchema.openapi({ description: 'Current catalogue price, in the pavilion’s currency' }),
    lineTotal: MoneySchema,
    status: z.enum(['ok', 'short', 'unavailable']).openapi({
      description: 'ok; short: more asked than is in stock (lower the quantity); unavailable: not sold (remove it; unavailableReason says why)',
    }),
    unavailableReason: z.enum(['archived', 'no_hs_code', 'not_importable']).optional().openapi({
      description: 'archived: no longer sold; no_hs_code: the listing has no HS code customs could declare; not_importable: its HS code is not on China’s cross-border positive list',
    }),
  })
  .openapi('CartLine');

export const CartSchema = z
  .object({
    id: CartIdSchema,
    lines: z.array(CartLineSchema),
    itemCount: z.number().int().nonnegative(),
    subtotals: z.array(MoneySchema).openapi({ description: 'One per pavilion currency, over the lines that can be bought' }),
    checkoutTotal: z
      .object({
        goods: MoneySchema.openapi({ description: 'The goods, converted unit by unit' }),
        freight: MoneySchema.openapi({ description: 'Freight to China: one parcel per pavilion and fulfilment mode, at the pavilion’s rates' }),
        tax: MoneySchema.openapi({ description: 'Cross-border import tax: per line, the dutiable value × VAT (+ consumption tax) × 70%, rounded to the fen' }),
        total: MoneySchema.openapi({ description: 'goods + freight + tax; held at 1,000,000,000,000 minor units when larger' }),
        dutiableValue: MoneySchema.openapi({ description: 'Goods plus freight in CNY: what China’s per-order and yearly limits count' }),
        parcels: z
          .array(
            z.object({
              pavilion: PavilionCodeSchema,
              mode: FulfilmentModeSchema,
              weightGrams: z.number().int().nonnegative(),
              freight: MoneySchema.openapi({ description: 'In CNY' }),
            }),
          )
          .openapi({ description: 'How the lines travel, and what each parcel’s freight is' }),
        rates: z.array(ExchangeRateSchema),
        payable: z.boolean().openapi({ description: 'Whether checkout would take this total; checkout answers 422 (503 for rates_stale) when it would not' }),
        reason: z.enum(['rates_stale', 'amount_too_large', 'over_cross_border_limit', 'charge_rounds_to_zero']).optional().openapi({
          description:
            'Why it is not payable. rates_stale: the figures are converted at exchange rates older than checkout charges at (GET /api/rates), so not payable now; nothing the shopper can change. ' +
            'amount_too_large: above maxAmount, the most one payment carries (lower quantities or pick another currency). ' +
            'over_cross_border_limit: goods plus freight are worth more than limit in CNY, the most one order shipped to China may carry, in any currency (lower quantities). ' +
            'charge_rounds_to_zero: the unit price of the products in productIds converts to nothing in this currency (pick another currency).',
        }),
        productIds: z.array(z.string()).optional().openapi({ description: 'With reason charge_rounds_to_zero: the products whose unit would be charged 0' }),
        ratesLoadedAt: z.string().nullable().optional().openapi({ description: 'With reason rates_stale: when the rates were loaded (null: never)' }),
        maxAmount: MoneySchema.optional().openapi({ description: 'The most one payment carries in this currency; given with reason amount_too_large' }),
        limit: MoneySchema.optional().openapi({ description: 'China’s cross-border per-order limit (CNY 5,000); given with reason over_cross_border_limit' }),
      })
      .openapi({ description: 'What checkout would charge now in the asked currency (default CNY), converted unit by unit at the rates shown' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z.string().openapi({ description: 'The cart lapses 30 days after its last use' }),
  })
  .openapi('Cart');

export const CartParams = z.object({
  id: CartIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'q3Yc1xKp0mR8d2uVn5ZbAw' }),
});

export const CartLineParams = z.object({
  id: CartIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'q3Yc1xKp0mR8d2uVn5ZbAw' }),
  productId: z
    .string()
    .regex(PRODUCT_ID, 'a product id such as kg-issyk-kul-white-honey')
    .openapi({ param: { name: 'productId', in: 'path' }, example: 'kg-issyk-kul-white-honey' }),
});

export const CartQuery = z
  .object({ currency: CurrencySchema.default('CNY').openapi({ description: 'Currency of checkoutTotal' }) })
  .strict();

export const SetQuantityBody = z
  .object({
    quantity: z
      .number()
      .int('a whole number')
      .min(0, 'at least 0 (0 removes the line)')
      .max(MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY}`)
      .openapi({ example: 2 }),
  })
  .strict()
  .openapi('SetQuantity');
