import { z } from '@hono/zod-openapi';
import type { FulfilmentMode } from '../../domain/catalogue.js';
import { FULFILMENT_MODES, MAX_FREIGHT_PER_KG_FEN } from '../../domain/freight.js';
import { CURRENCIES } from '../../domain/money.js';

/** A freight figure: whole fen of yuan, from free up to the domain's ceiling per kilogram. */
const FreightAmountSchema = z
  .object({
    amount: z
      .number({ error: 'a whole number of fen (28.00 yuan is 2800)' })
      .int('whole fen (28.00 yuan is 2800)')
      .min(0, 'zero (free) or more')
      .max(MAX_FREIGHT_PER_KG_FEN, `at most ${MAX_FREIGHT_PER_KG_FEN} fen (${MAX_FREIGHT_PER_KG_FEN / 100} yuan) per kilogram`),
    // Typed as any currency, as domain Money is; only CNY passes.
    currency: z
      .enum(CURRENCIES, { error: 'freight is set in CNY' })
      .refine((currency): boolean => currency === 'CNY', { error: 'freight is set in CNY' })
      .openapi({ description: 'Always CNY: freight is charged in yuan', example: 'CNY' }),
  })
  .strict()
  .openapi('FreightAmount', { example: { amount: 2800, currency: 'CNY' } });

export const FreightRateSchema = z
  .object({
    firstKg: FreightAmountSchema.openapi({ description: 'What a parcel up to 1 kg costs' }),
    extraKg: FreightAmountSchema.openapi({ description: 'What each further started kilogram adds' }),
  })
  .strict()
  .openapi('FreightRate');

/** The body of PUT /api/pavilion/freight: every mode the domain knows, each set in full. */
export const FreightRatesSchema = z
  .object(Object.fromEntries(FULFILMENT_MODES.map((mode) => [mode, FreightRateSchema])) as Record<FulfilmentMode, typeof FreightRateSchema>)
  .strict()
  .openapi('FreightRates', {
    description: 'Freight to the shopper in China per fulfilment mode, in CNY: a parcel per pavilion and mode, billed per started kilogram',
  });

export const PavilionFreightSchema = z
  .object({
    rates: FreightRatesSchema,
    isDefault: z.boolean().openapi({ description: 'True until the pavilion sets its own rates: the store’s default rates apply' }),
  })
  .openapi('PavilionFreight');
