import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  MAX_IMAGE_BYTES,
  UploadRefused,
  isImageType,
  type ImageStore,
  type ImageType,
  type ReceivedUpload,
  type UploadReceiver,
  type UploadRequest,
  type UploadTarget,
} from '../../ports/image-store.js';
import { UPLOAD_KEY, UPLOAD_TTL_SECONDS, imageUrlFor, newUploadKey } from './image-keys.js';
import { UnreadableImageError, resizeToVariants } from './variants.js';

export interface LocalImageStoreOptions {
  /** The folder the local server serves at /media. */
  readonly mediaDir: string;
  /** The pavilion app's upload route, without the trailing slash. */
  readonly uploadBaseUrl?: string;
  readonly mediaBaseUrl?: string;
  /** HMAC key for the upload URLs; a random one per process is fine (URLs live ten minutes). */
  readonly secret?: string;
  readonly now?: () => number;
}

/**
 * The images bucket, played by the local server: the same signed-PUT flow as S3 (key, type and
 * exact length fixed by the signature), so the workspace page uploads the same way in both places.
 * It also checks the file's first bytes, so a script renamed to .png is refused, and writes the
 * photo's WebP variants beside it (functions/domain/images.ts), as the images bucket's function does in AWS.
 */
export class LocalImageStore implements ImageStore, UploadReceiver {
  private readonly secret: Buffer;
  private readonly now: () => number;

  constructor(private readonly options: LocalImageStoreOptions) {
    this.secret = options.secret ? Buffer.from(options.secret) : randomBytes(32);
    this.now = options.now ?? Date.now;
  }

  async createUpload(request: UploadRequest): Promise<UploadTarget> {
    const key = newUploadKey(request);
    const expires = String(Math.floor(this.now() / 1000) + UPLOAD_TTL_SECONDS);
    const length = String(request.contentLength);
    const query = new URLSearchParams({ type: request.contentType, length, expires, sig: this.sign(key, request.contentType, length, expires) });
    return {
      method: 'PUT',
      url: `${this.options.uploadBaseUrl ?? '/api/pavilion/uploads'}/${key.replace(/^media\/products\//, '')}?${query}`,
      headers: { 'content-type': request.contentType },
      imageUrl: imageUrlFor(key, this.options.mediaBaseUrl ?? '/media'),
      expiresAt: new Date(Number(expires) * 1000).toISOString(),
    };
  }

  async receive(upload: ReceivedUpload): Promise<{ readonly imageUrl: string }> {
    const key = `media/products/${upload.path}`;
    const { type = '', length = '', expires = '', sig = '' } = upload.query;
    const expected = Buffer.from(this.sign(key, type, length, expires));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UploadRefused(403, 'The upload URL is not signed by this server');
    if (!/^\d+$/.test(expires) || Number(expires) * 1000 < this.now()) throw new UploadRefused(403, 'The upload URL has expired');
    if (!UPLOAD_KEY.test(key) || !isImageType(type)) throw new UploadRefused(400, 'The upload URL is malformed');
    if (upload.contentType.split(';')[0]?.trim() !== type) throw new UploadRefused(403, `The upload was signed for ${type}`);
    if (upload.bytes.byteLength > MAX_IMAGE_BYTES) throw new UploadRefused(413, 'Images may be at most 5 MB');
    if (String(upload.bytes.byteLength) !== length) throw new UploadRefused(403, `The upload was signed for ${length} bytes`);
    if (sniff(upload.bytes) !== type) throw new UploadRefused(415, `The file is not a ${type} image`);
    // Resized before anything is written: a file that only starts like an image is refused whole.
    const variants = await resizeToVariants(upload.bytes, key).catch((error: unknown) => {
      throw error instanceof UnreadableImageError ? new UploadRefused(415, error.message) : error;
    });
    const path = join(this.options.mediaDir, key.replace(/^media\//, ''));
    await mkdir(dirname(path), { recursive: true });
    // 'wx': a URL is good for one file; sending it again cannot replace an image already in use.
    await writeFile(path, upload.bytes, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new UploadRefused(403, 'This upload URL has been used already') : error;
    });
    // The responsive sizes beside it (<uuid>-320.webp …), as the function on the images bucket writes them in AWS.
    await Promise.all(variants.map((variant) => writeFile(join(this.options.mediaDir, variant.name.replace(/^media\//, '')), variant.bytes)));
    return { imageUrl: imageUrlFor(key, this.options.mediaBaseUrl ?? '/media') };
  }

  private sign(key: string, type: string, length: string, expires: string): string {
    return createHmac('sha256', this.secret).update(`${key}\n${type}\n${length}\n${expires}`).digest('base64url');
  }
}

/** The image type a file's magic number says it is (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, WebP RIFF....WEBP). */
export function sniff(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}
