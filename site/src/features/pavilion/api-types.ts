import type { z } from '@hono/zod-openapi';
import type { PavilionSchema } from '../../../../functions/http/schemas/catalogue.js';
import type { PavilionFreightSchema } from '../../../../functions/http/schemas/freight.js';
import type { UploadTargetSchema } from '../../../../functions/http/schemas/images.js';
import type { ImportReportSchema } from '../../../../functions/http/schemas/imports.js';
import type { ListingSchema } from '../../../../functions/http/schemas/listing.js';
import type { pageOf } from '../../../../functions/http/page-of.js';
import type { OrderLineSchema } from '../../../../functions/http/schemas/pavilion-orders.js';
import type { ManagerSchema, SessionConfigSchema } from '../../../../functions/http/schemas/session.js';
import type { StockMovementSchema } from '../../../../functions/http/schemas/stock.js';

/**
 * The shapes the workspace API (/api/pavilion/…) answers with, taken from its own zod schemas so
 * the workspace and the API cannot drift apart. Type-only: nothing of zod reaches the browser.
 */
export type Listing = z.infer<typeof ListingSchema>;
export type Certificate = Listing['certificates'][number];

/** A page of any list (listings, order lines): its items and the next page's cursor. */
export type Page<T> = ReturnType<typeof pageOf<unknown, T>>;

/** GET /me: the signed-in manager and their pavilion. */
export interface Workspace {
  readonly manager: z.infer<typeof ManagerSchema>;
  readonly pavilion: z.infer<typeof PavilionSchema>;
}

export type SessionConfig = z.infer<typeof SessionConfigSchema>;
export type PavilionFreight = z.infer<typeof PavilionFreightSchema>;
export type FulfilmentLine = z.infer<typeof OrderLineSchema>;
export type StockMovement = z.infer<typeof StockMovementSchema>;
export type UploadTarget = z.infer<typeof UploadTargetSchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type RowReport = ImportReport['report'][number];
