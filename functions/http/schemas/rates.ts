import { z } from '@hono/zod-openapi';
import { CurrencySchema } from './catalogue.js';

export const RateViewSchema = z
  .object({
    currency: CurrencySchema,
    from: CurrencySchema,
    to: CurrencySchema.openapi({ description: 'Always CNY' }),
    numerator: z.number().int().positive(),
    denominator: z.number().int().positive(),
    asOf: z.string().openapi({ description: 'The publisher’s date of this rate' }),
    source: z.string().openapi({ description: 'The publisher, or the rates file the figure comes from (a file names itself, the date of its figures and the day it was loaded)' }),
    yuanPerUnit: z.string().openapi({ description: 'Yuan per one unit, rounded to 6 significant digits: for display only, convert with numerator/denominator' }),
  })
  .openapi('Rate', {
    description: 'Minor units of CNY per minor unit of `currency`, as the exact fraction numerator/denominator (an ExchangeRate to CNY).',
    example: {
      currency: 'KGS',
      from: 'KGS',
      to: 'CNY',
      numerator: 227929,
      denominator: 2818150,
      asOf: '2025-12-13',
      source: 'Bank of Russia (cbr.ru XML_daily)',
      yuanPerUnit: '0.0808789',
    },
  });

export const RatesSchema = z
  .object({
    asOf: z.string().openapi({ description: 'The main publisher’s date (YYYY-MM-DD); a file’s is the day it was loaded' }),
    source: z.string(),
    loadedAt: z.string().openapi({ description: 'When the rates were read from their publisher or loaded from a file: freshness counts from here' }),
    fresh: z.boolean().openapi({ description: 'Whether checkout charges at these rates now; false: figures may be shown, but carts that convert are not payable' }),
    freshUntil: z.string().openapi({ description: 'When checkout stops charging at them unless a refresh comes first' }),
    maxAgeHours: z.number().int().positive(),
    rates: z.array(RateViewSchema).openapi({ description: 'One per currency the store charges or shows, CNY included (1/1)' }),
  })
  .openapi('Rates');
