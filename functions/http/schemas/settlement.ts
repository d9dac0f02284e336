import { z } from '@hono/zod-openapi';
import { LEDGER_ENTRY_KINDS, MAX_COMMISSION_BP } from '../../domain/settlement.js';
import { CurrencySchema, MoneySchema, PavilionCodeSchema } from './catalogue.js';

/** A ledger figure: integer minor units that may be negative (a refund, a payout, a balance the pavilion owes). */
export const SignedMoneySchema = z
  .object({
    amount: z.number().int().openapi({ description: 'Integer minor units, signed: + adds to what the store owes the pavilion' }),
    currency: CurrencySchema,
  })
  .openapi('SignedMoney', { example: { amount: -64, currency: 'KGS' } });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const StatementQuery = z.object({
  from: Day.openapi({ description: 'First day, in China time (UTC+8)', example: '2026-11-01' }),
  to: Day.openapi({ description: 'Last day, included, in China time (UTC+8)', example: '2026-11-30' }),
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'csv: the entries as CSV' }),
  lang: z.enum(['zh', 'ru', 'en']).optional().openapi({ description: 'The CSV headers’ language (default: the Accept-Language header’s, else English)' }),
});

export const OperatorStatementQuery = StatementQuery.extend({ pavilion: PavilionCodeSchema });

export const LedgerEntrySchema = z
  .object({
    entryId: z.string(),
    pavilion: PavilionCodeSchema,
    kind: z.enum(LEDGER_ENTRY_KINDS).openapi({ description: 'tax, freight and their refunds pass through: shown, not counted in the balance' }),
    amount: SignedMoneySchema.openapi({ description: 'In the pavilion’s currency (at the order’s recorded rate)' }),
    charged: SignedMoneySchema.optional().openapi({ description: 'In the order’s charge currency' }),
    orderId: z.string().optional(),
    lineNo: z.number().int().optional(),
    refundId: z.string().optional(),
    at: z.string().openapi({ description: 'When it was appended (UTC)' }),
    reversal: z.literal(true).optional().openapi({ description: 'Undoes a refund the provider failed after it had succeeded' }),
    reference: z.string().optional().openapi({ description: 'A payout’s bank reference' }),
    paidOn: z.string().optional().openapi({ description: 'The day a payout’s transfer was made' }),
    reason: z.string().optional().openapi({ description: 'An adjustment’s reason' }),
  })
  .openapi('LedgerEntry');

export const StatementSchema = z
  .object({
    pavilion: PavilionCodeSchema,
    currency: CurrencySchema,
    from: z.string(),
    to: z.string(),
    opening: SignedMoneySchema,
    sales: SignedMoneySchema,
    refunds: SignedMoneySchema.openapi({ description: 'Goods refunded and returned' }),
    commission: SignedMoneySchema.openapi({ description: 'Commission taken less commission given back with refunds' }),
    payouts: SignedMoneySchema,
    adjustments: SignedMoneySchema,
    closing: SignedMoneySchema.openapi({ description: 'opening + sales − refunds − commission − payouts + adjustments' }),
    passThrough: z.object({ tax: SignedMoneySchema, freight: SignedMoneySchema }).openapi({ description: 'Collected for customs and carriers, net of refunds: not the pavilion’s money' }),
    entries: z.array(LedgerEntrySchema),
  })
  .openapi('Statement');

export const PavilionBalanceSchema = z
  .object({ pavilion: PavilionCodeSchema, currency: CurrencySchema, balance: SignedMoneySchema, commissionBp: z.number().int() })
  .openapi('PavilionBalance');

export const PavilionParams = z.object({ code: PavilionCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) });

export const PayoutRequestSchema = z
  .object({
    amount: MoneySchema.openapi({ description: 'In the pavilion’s currency; at most its balance' }),
    date: Day.openapi({ description: 'The day the bank transfer was made' }),
    reference: z.string().trim().min(1).max(100).openapi({ description: 'The bank transfer’s reference (each is recorded once)' }),
  })
  .strict()
  .openapi('PayoutRequest');

export const AdjustmentRequestSchema = z
  .object({
    amount: SignedMoneySchema.openapi({ description: 'In the pavilion’s currency: + credits the pavilion, − debits it' }),
    reason: z.string().trim().min(3).max(500),
  })
  .strict()
  .openapi('AdjustmentRequest');

export const CommissionRequestSchema = z
  .object({ commissionBp: z.number().int().min(0).max(MAX_COMMISSION_BP).openapi({ description: 'Basis points: 800 = 8%' }) })
  .strict()
  .openapi('CommissionRequest');
