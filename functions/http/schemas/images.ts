import { z } from '@hono/zod-openapi';
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from '../../ports/image-store.js';

export const UploadRequestSchema = z
  .object({
    contentType: z.enum(Object.keys(IMAGE_TYPES) as [keyof typeof IMAGE_TYPES]).openapi({ description: 'JPEG, PNG or WebP (SVG is refused: it can carry scripts)' }),
    contentLength: z.number().int().min(1).max(MAX_IMAGE_BYTES, 'at most 5 MB'),
  })
  .strict()
  .openapi('UploadRequest');

export const UploadTargetSchema = z
  .object({
    method: z.literal('PUT'),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    imageUrl: z.string(),
    expiresAt: z.string(),
  })
  .openapi('UploadTarget');
