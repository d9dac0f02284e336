import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MAX_IMAGE_BYTES } from '../../ports/image-store.js';
import { UPLOAD_KEY } from './image-keys.js';
import { VARIANT_CACHE_CONTROL, VARIANT_CONTENT_TYPE, resizeToVariants, type ImageVariant } from './variants.js';

export type VariantsOutcome =
  | { readonly outcome: 'written'; readonly variants: readonly Pick<ImageVariant, 'name' | 'pixelWidth' | 'pixelHeight'>[] }
  /** Not an upload (a variant, or anything else under media/): nothing to do. */
  | { readonly outcome: 'not an upload' }
  /** Larger than any upload may be: the presigned URL fixes the length, so this was not one of ours. */
  | { readonly outcome: 'too large' };

/**
 * The images bucket's half of the variants (functions/domain/images.ts): reads an uploaded photo
 * and writes its WebP sizes beside it. Only keys the upload URLs make (image-keys.ts UPLOAD_KEY) are
 * read, so the variants this writes (which land under the same prefix and come back as events of
 * their own) are passed over. Writing the same variants twice gives the same files: an event
 * delivered again does no harm.
 */
export async function writeS3Variants(s3: Pick<S3Client, 'send'>, bucket: string, key: string): Promise<VariantsOutcome> {
  if (!UPLOAD_KEY.test(key)) return { outcome: 'not an upload' };
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((object.ContentLength ?? 0) > MAX_IMAGE_BYTES) return { outcome: 'too large' };
  if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  const variants = await resizeToVariants(await object.Body.transformToByteArray(), key);
  await Promise.all(
    variants.map((variant) =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: variant.name,
          Body: variant.bytes,
          ContentType: VARIANT_CONTENT_TYPE,
          CacheControl: VARIANT_CACHE_CONTROL,
        }),
      ),
    ),
  );
  return { outcome: 'written', variants: variants.map(({ name, pixelWidth, pixelHeight }) => ({ name, pixelWidth, pixelHeight })) };
}
