import { z } from '@hono/zod-openapi';
import { DECLARABLE_STATUSES } from '../../usecases/customs-document.js';
import { CurrencySchema, MoneySchema, PavilionCodeSchema } from './catalogue.js';
import { OrderIdSchema } from './checkout.js';
import { CnyMoneySchema as CnyMoney, RecipientAnswerSchema } from './shipping.js';

export const CustomsParams = z.object({
  orderId: OrderIdSchema.openapi({ param: { name: 'orderId', in: 'path' }, example: 'ORD-7K3M9Q2D5X8B1N4R' }),
});

export const CustomsQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json').openapi({
      param: { name: 'format', in: 'query' },
      description: 'csv: the same data as a spreadsheet, one row per line with the order’s columns repeated',
    }),
  })
  .strict();


export const CustomsLineSchema = z
  .object({
    lineNo: z.number().int().positive(),
    pavilion: PavilionCodeSchema.openapi({ description: 'The pavilion that ships the line: the country the goods come from' }),
    sku: z.string(),
    hsCode: z.string().openapi({ description: 'China’s 10-digit tariff code the line is declared under', example: '0409000000' }),
    title: z.string().openapi({ description: 'The goods’ name in Chinese' }),
    quantity: z.number().int().positive(),
    unitPriceCny: CnyMoney,
    goodsCny: CnyMoney.openapi({ description: 'Unit price × quantity, CNY' }),
    freightCny: CnyMoney.openapi({ description: 'The line’s share of the order’s freight, CNY' }),
    dutiableCny: CnyMoney.openapi({ description: 'Goods plus freight share: what the tax is computed on, CNY' }),
    taxCny: CnyMoney.openapi({ description: 'Import VAT and consumption tax withheld on the line (70% of statutory), CNY' }),
  })
  .openapi('CustomsLine');

export const CustomsDocumentSchema = z
  .object({
    orderId: z.string(),
    status: z.enum(DECLARABLE_STATUSES).openapi({
      description: 'paid_needs_attention: paid after its reservation lapsed; still sold and declared. partially_refunded: the lines refunded before they shipped are left out',
    }),
    createdAt: z.string().openapi({ description: 'When the order was placed (ISO 8601, UTC)' }),
    paidAt: z.string().optional().openapi({ description: 'When the payment succeeded (ISO 8601, UTC)' }),
    buyer: z
      .object({
        name: z.string(),
        idNumber: z.string().openapi({ description: 'The resident ID number in full: this document is the only place it is shown' }),
        phone: z.string(),
      })
      .openapi('CustomsBuyer'),
    recipient: RecipientAnswerSchema,
    lines: z.array(CustomsLineSchema),
    goods: CnyMoney,
    freight: CnyMoney,
    dutiableValue: CnyMoney.openapi({ description: 'Goods plus freight, CNY: what the per-order and yearly limits count' }),
    tax: CnyMoney,
    amountPaid: MoneySchema.openapi({ description: 'Goods + freight + tax as charged, in the order’s currency' }),
    currency: CurrencySchema,
    paymentId: z.string().optional().openapi({ description: 'The Stripe payment (PaymentIntent id, pi_…; cs_… for an order whose payment id was not recorded)' }),
    notice: z.object({ version: z.string(), acceptedAt: z.string() }).openapi({ description: 'The consumer notice the buyer accepted' }),
  })
  .openapi('CustomsDocument');
