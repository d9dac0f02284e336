import { CATEGORIES } from '../../domain/catalogue.js';
import * as z from '../../zod-mini.js';

/*
 * What the catalogue's routes accept, in zod/mini: these two are all its function validates, so it bundles no
 * classic zod (catalogue-app.ts). The OpenAPI document describes them from catalogue-contract.ts, whose
 * classic twins tests/unit/catalogue-contract.test.ts holds to these, field by field.
 */

export const ProductListQuery = z.strictObject({
  pavilion: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'a two-letter country code in capitals, such as KG'))),
  category: z.optional(z.enum(CATEGORIES)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 24),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});

export const ProductIdParam = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,80}$/, 'a product id: lower-case letters, digits and dashes')),
});
