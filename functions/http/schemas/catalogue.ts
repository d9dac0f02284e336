import { z } from '@hono/zod-openapi';
import { CATEGORIES, CERTIFICATE_ISSUER_MAX, CERTIFICATE_KINDS, CERTIFICATE_NUMBER_MAX } from '../../domain/catalogue.js';
import { CURRENCIES } from '../../domain/money.js';
import { FreightRatesSchema } from './freight.js';
import { FULFILMENT_MODES } from '../../domain/freight.js';

export const LocalizedSchema = z
  .object({ zh: z.string().min(1).max(4000), ru: z.string().min(1).max(4000), en: z.string().min(1).max(4000) })
  .strict()
  .openapi('Localized', { example: { zh: '伊塞克湖白蜜', ru: 'Белый мёд Иссык-Куля', en: 'Issyk-Kul white honey' } });

export const CurrencySchema = z.enum(CURRENCIES).openapi('Currency');
export const CategorySchema = z.enum(CATEGORIES).openapi('Category');
export const PavilionCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code in capitals, such as KG').openapi({ example: 'KG' });

export const MoneySchema = z
  .object({
    amount: z.number().int().nonnegative().openapi({ description: 'Integer minor units (fen, tyiyn, kopeks ...)' }),
    currency: CurrencySchema,
  })
  .openapi('Money', { example: { amount: 8800, currency: 'CNY' } });

export const CertificateSchema = z
  .object({
    kind: z.enum(CERTIFICATE_KINDS),
    number: z.string().min(1).max(CERTIFICATE_NUMBER_MAX),
    issuer: z.string().min(1).max(CERTIFICATE_ISSUER_MAX),
    validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  })
  .openapi('Certificate');

export const FulfilmentModeSchema = z.enum(FULFILMENT_MODES).openapi('FulfilmentMode');

export const FulfilmentSchema = z
  .object({
    mode: FulfilmentModeSchema,
    leadTimeDays: z.number().int().min(1).max(90),
  })
  .openapi('Fulfilment');

export const PavilionSchema = z
  .object({
    code: PavilionCodeSchema,
    name: LocalizedSchema,
    tagline: LocalizedSchema,
    currency: CurrencySchema,
    standing: z.enum(['member', 'observer', 'partner', 'guest']),
    colors: z.object({ primary: z.string(), accent: z.string() }),
    flag: z.string(),
    productCount: z.number().int().nonnegative(),
    freightRates: FreightRatesSchema.optional().openapi({ description: "The pavilion's freight to China per fulfilment mode, in CNY; absent until its manager sets them (the store's defaults apply)" }),
  })
  .openapi('Pavilion');

export const ProductSchema = z
  .object({
    id: z.string(),
    pavilion: PavilionCodeSchema,
    sku: z.string(),
    category: CategorySchema,
    title: LocalizedSchema,
    description: LocalizedSchema,
    unit: LocalizedSchema,
    price: MoneySchema,
    weightGrams: z.number().int(),
    origin: LocalizedSchema,
    producer: LocalizedSchema,
    certificates: z.array(CertificateSchema),
    fulfilment: FulfilmentSchema,
    hsCode: z.string().openapi({ description: "China's 10-digit tariff code; the import tax rate follows from it", example: '0409000000' }),
    images: z.array(z.string()),
    stock: z.number().int().nonnegative().openapi({ description: 'Units free to buy right now' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Product');
