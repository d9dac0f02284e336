import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ImageStore, UploadRequest, UploadTarget } from '../../ports/image-store.js';
import { UPLOAD_TTL_SECONDS, imageUrlFor, newUploadKey } from './image-keys.js';

/**
 * Hands the browser a presigned PUT. Content-Type and Content-Length are signed headers, so S3
 * refuses another type or any other size than the one checked here (at most 5 MB); the key is a
 * fresh uuid under the listing's folder. The bucket needs a CORS rule allowing PUT from the site.
 *
 * The S3 client must be built with `requestChecksumCalculation: 'WHEN_REQUIRED'`: otherwise the
 * SDK signs a CRC32 of the empty body into the URL and S3 rejects the real file (see createImagesS3Client).
 */
export class S3ImageStore implements ImageStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly mediaBaseUrl = '/media',
  ) {}

  async createUpload(request: UploadRequest): Promise<UploadTarget> {
    const key = newUploadKey(request);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: request.contentType,
      ContentLength: request.contentLength,
    });
    const url = await getSignedUrl(this.s3, command, {
      expiresIn: UPLOAD_TTL_SECONDS,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      method: 'PUT',
      url,
      headers: { 'content-type': request.contentType },
      imageUrl: imageUrlFor(key, this.mediaBaseUrl),
      expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  }
}
