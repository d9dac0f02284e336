import { z } from '@hono/zod-openapi';
import { MAX_ON_HAND, STOCK_REASONS } from '../../domain/stock.js';

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
