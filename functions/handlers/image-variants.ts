import { S3Client } from '@aws-sdk/client-s3';
import type { EventBridgeEvent } from 'aws-lambda';
import { writeS3Variants, type VariantsOutcome } from '../adapters/images/s3-variants.js';
import { UnreadableImageError } from '../adapters/images/variants.js';
import { sharedPowertoolsTelemetry } from '../adapters/observability/powertools-telemetry.js';
import type { Telemetry } from '../ports/telemetry.js';
import { loggingFailures } from './log-failures.js';

/** What S3 sends EventBridge when an object is written (only the fields read here). */
export type ObjectCreatedEvent = EventBridgeEvent<'Object Created', { readonly bucket: { readonly name: string }; readonly object: { readonly key: string; readonly size?: number } }>;

export interface ImageVariantsDeps {
  readonly s3: Pick<S3Client, 'send'>;
  /** The images bucket; events of any other are ignored. */
  readonly bucket: string;
  readonly telemetry: Pick<Telemetry, 'info' | 'warn'>;
}

export type ImageVariantsOutcome = VariantsOutcome | { readonly outcome: 'other bucket' } | { readonly outcome: 'unreadable' };

/**
 * An upload to media/products/ in the images bucket (an EventBridge rule, infra/constructs/image-variants.ts)
 * gets its WebP variants. A file that is no image is logged and left: trying again would not help.
 * Anything else that fails (S3) throws, so the invocation is retried and then parked in the failures queue.
 */
export async function imageVariants(event: ObjectCreatedEvent, deps: ImageVariantsDeps): Promise<ImageVariantsOutcome> {
  if (event.detail.bucket.name !== deps.bucket) return { outcome: 'other bucket' };
  // Upload keys are lower-case letters, digits, '-', '.' and '/' only (image-keys.ts UPLOAD_KEY), the same
  // whether or not an event encodes its key; anything else is not an upload and is passed over.
  const key = event.detail.object.key;
  try {
    const result = await writeS3Variants(deps.s3, deps.bucket, key);
    deps.telemetry.info('image variants', { key, outcome: result.outcome, ...('variants' in result ? { widths: result.variants.map((v) => String(v.pixelWidth)) } : {}) });
    return result;
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) throw error;
    deps.telemetry.warn('image unreadable: no variants', { key, reason: error.message });
    return { outcome: 'unreadable' };
  }
}

let s3: S3Client | undefined;

export const handler = loggingFailures(async (event: ObjectCreatedEvent): Promise<ImageVariantsOutcome> => {
  const bucket = process.env.IMAGES_BUCKET;
  if (!bucket) throw new Error('IMAGES_BUCKET is not set');
  s3 ??= new S3Client({});
  return imageVariants(event, { s3, bucket, telemetry: sharedPowertoolsTelemetry() });
});
