import { z } from '@hono/zod-openapi';
import { MoneySchema } from './catalogue.js';

/** Shapes every answer about where an order goes shares: the shopper's order, the pavilion's queue, the customs document. */

export const DivisionSchema = z
  .object({ code: z.string().openapi({ example: '370200' }), name: z.string().openapi({ example: '青岛市' }) })
  .openapi('Division', { description: 'A GB/T 2260 division: its code and its Chinese name' });

export const RecipientAnswerSchema = z
  .object({
    name: z.string(),
    phone: z.string().openapi({ description: 'Mainland mobile, 11 digits', example: '13800138000' }),
    province: DivisionSchema,
    city: DivisionSchema,
    district: DivisionSchema,
    address: z.string().openapi({ description: 'Street, building and flat: everything below the district' }),
    postcode: z.string().openapi({ example: '266071' }),
  })
  .openapi('RecipientAddress');

/** A customs figure: always CNY, in fen. */
export const CnyMoneySchema = MoneySchema.openapi({ description: 'CNY, in fen' });
