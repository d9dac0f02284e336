import { z } from '@hono/zod-openapi';

export const ImportRowReportSchema = z
  .object({
    line: z.number().int(),
    sku: z.string(),
    productId: z.string().optional(),
    outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('ImportRowReport');

export const ImportReportSchema = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    report: z.array(ImportRowReportSchema),
  })
  .openapi('ImportReport');
