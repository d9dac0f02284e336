import { randomUUID } from 'node:crypto';
import { IMAGE_TYPES, type UploadRequest } from '../../ports/image-store.js';

/** Upload keys live under media/products/<product id>/, one fresh uuid per image, so nothing is ever overwritten. */
export const UPLOAD_KEY = /^media\/products\/[a-z]{2}-[a-z0-9-]{1,63}\/[0-9a-f-]{36}\.(jpg|png|webp)$/;

export function newUploadKey(request: UploadRequest): string {
  return `media/products/${request.productId}/${randomUUID()}.${IMAGE_TYPES[request.contentType]}`;
}

/** `media/products/x/y.jpg` is served at `<mediaBaseUrl>/products/x/y.jpg` (CloudFront and the local server map /media/ to it). */
export function imageUrlFor(key: string, mediaBaseUrl: string): string {
  return `${mediaBaseUrl.replace(/\/$/, '')}/${key.replace(/^media\//, '')}`;
}

/** Upload forms are good for ten minutes: long enough for a slow connection, short enough not to leak. */
export const UPLOAD_TTL_SECONDS = 600;
