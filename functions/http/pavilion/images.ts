import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_IMAGE_BYTES } from '../../ports/image-store.js';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { receiveImageUpload, requestImageUpload } from '../../usecases/pavilion/images.js';
import { problem } from '../problem.js';
import { problemResponses } from '../problem-responses.js';
import { createRouter } from '../router.js';
import { UploadRequestSchema, UploadTargetSchema } from '../schemas/images.js';
import { ListingIdParam } from '../schemas/listing.js';
import { SECURITY, type ManagerEnv } from './auth.js';

const requestUpload = createRoute({
  method: 'post', path: '/{id}/images', tags: ['Pavilion'], security: SECURITY,
  summary: 'A signed URL to upload one image for a listing (the listing may still be unsaved)',
  description: 'PUT the file to `url` with `headers` (its exact declared length); then add `imageUrl` to the listing. JPEG, PNG or WebP, at most 5 MB.',
  request: { params: ListingIdParam, body: { content: { 'application/json': { schema: UploadRequestSchema } }, required: true } },
  responses: {
    201: { description: 'Where to upload', content: { 'application/json': { schema: UploadTargetSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

const receiveUpload = createRoute({
  method: 'put', path: '/{productId}/{file}', tags: ['Pavilion'],
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

/** /pavilion/listings/{id}/images: where the browser uploads a listing's image (straight to storage, never through the API). */
export function imageRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();
  app.openapi(requestUpload, async (c) => {
    const form = await requestImageUpload(deps, c.get('manager'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(form, 201);
  });
  return app;
}

/** /pavilion/uploads: the local stand-in for the images bucket; public like S3's endpoint, guarded by the URL's signature. */
export function uploadReceiverRoutes(deps: PavilionDeps) {
  const app = createRouter();
  app.use('*', bodyLimit({ maxSize: MAX_IMAGE_BYTES, onError: () => problem(413, 'Images may be at most 5 MB') }));
  app.openapi(receiveUpload, async (c) => {
    const { productId, file } = c.req.valid('param');
    const stored = await receiveImageUpload(deps, {
      path: `${productId}/${file}`,
      query: c.req.query(),
      contentType: c.req.header('content-type') ?? '',
      bytes: async () => new Uint8Array(await c.req.arrayBuffer()),
    });
    return c.json(stored, 201);
  });
  return app;
}
