import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_IMAGE_BYTES, UploadRefused } from '../ports/image-store.js';
import type { ManagerEnv } from './pavilion-auth.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { SECURITY } from './pavilion-listings.js';
import { ProblemError, problem, problemResponses } from './problem.js';
import { ListingIdParam, UploadTargetSchema, UploadRequestSchema } from './schemas/listing.js';

const requestUpload = createRoute({
  method: 'post', path: '/listings/{id}/images', tags: ['Pavilion'], security: SECURITY,
  summary: 'A signed URL to upload one image for a listing (the listing may still be unsaved)',
  description: 'PUT the file to `url` with `headers` (its exact declared length); then add `imageUrl` to the listing. JPEG, PNG or WebP, at most 5 MB.',
  request: { params: ListingIdParam, body: { content: { 'application/json': { schema: UploadRequestSchema } }, required: true } },
  responses: {
    201: { description: 'Where to upload', content: { 'application/json': { schema: UploadTargetSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const receiveUpload = createRoute({
  method: 'put', path: '/pavilion/uploads/{productId}/{file}', tags: ['Pavilion'],
  summary: 'Local server only: receives an image at its signed URL (stands in for S3)',
  description: 'Authorised by the URL signature, like an S3 presigned PUT; answers 404 where uploads go to S3.',
  request: {
    params: z.object({
      productId: z.string().regex(/^[a-z]{2}-[a-z0-9-]{1,63}$/).openapi({ param: { name: 'productId', in: 'path' } }),
      file: z.string().regex(/^[0-9a-f-]{36}\.(jpg|png|webp)$/).openapi({ param: { name: 'file', in: 'path' } }),
    }),
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: z.object({ imageUrl: z.string() }) } } },
    ...problemResponses(400, 403, 404, 413, 415),
  },
});

export function registerImageRoutes(app: OpenAPIHono<ManagerEnv>, deps: PavilionDeps) {
  app.openapi(requestUpload, async (c) => {
    const { id } = c.req.valid('param');
    const manager = c.get('manager');
    // Product ids start with their pavilion's code, so this also covers listings not saved yet.
    if (!id.startsWith(`${manager.pavilion.toLowerCase()}-`)) {
      throw new ProblemError(403, 'Not your listing', { detail: 'Images can only be added to your own pavilion’s listings.' });
    }
    const { contentType, contentLength } = c.req.valid('json');
    const form = await deps.images.createUpload({ productId: id, contentType, contentLength });
    return c.json(form, 201);
  });
}

/** The local stand-in for the images bucket; public like S3's endpoint, guarded by the URL's signature. */
export function registerUploadReceiver(app: OpenAPIHono, deps: PavilionDeps) {
  app.use('/pavilion/uploads/*', bodyLimit({ maxSize: MAX_IMAGE_BYTES, onError: () => problem(413, 'Images may be at most 5 MB') }));
  app.openapi(receiveUpload, async (c) => {
    const receiver = deps.uploads;
    if (!receiver) throw new ProblemError(404, 'No such resource', { detail: 'Uploads go straight to the images bucket here.' });
    const { productId, file } = c.req.valid('param');
    try {
      const stored = await receiver.receive({
        path: `${productId}/${file}`,
        query: c.req.query(),
        contentType: c.req.header('content-type') ?? '',
        bytes: new Uint8Array(await c.req.arrayBuffer()),
      });
      return c.json(stored, 201);
    } catch (error) {
      if (error instanceof UploadRefused) throw new ProblemError(error.status, error.message);
      throw error;
    }
  });
}
