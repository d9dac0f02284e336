import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoListingStore } from '../adapters/dynamodb/listing-store.js';
import { DynamoPavilionOrdersStore } from '../adapters/dynamodb/pavilion-orders-store.js';
import { LocalImageStore } from '../adapters/images/local-image-store.js';
import { createImagesS3Client } from '../adapters/images/s3-client.js';
import { S3ImageStore } from '../adapters/images/s3-image-store.js';
import type { Config } from '../config.js';
import type { PavilionDeps } from '../usecases/pavilion/deps.js';
import { wireCatalogueDeps } from './wire-catalogue.js';
import type { WiringBase } from './wire-common.js';
import { wireOrderDeps } from './wire-shop.js';
import { wireTokens } from './wire-tokens.js';

/** The pavilion function's adapters: the workspace's own, the catalogue, the order stores and the token verifier. */
export function wirePavilionFunction(base: WiringBase): Partial<PavilionDeps> {
  return { ...wireCatalogueDeps(base), ...wireOrderDeps(base), ...wireTokens(base.config), ...wirePavilionDeps(base.config, base.doc) };
}

/**
 * The pavilion workspace's own adapters. Images need their settings; without them those deps stay
 * unset and the workspace answers 500 where they are used (handlers/pavilion.ts refuses to start
 * without them instead).
 */
export function wirePavilionDeps(config: Config, doc: DynamoDBDocumentClient): Partial<PavilionDeps> {
  const deps: { -readonly [K in keyof PavilionDeps]?: PavilionDeps[K] } = {
    listings: new DynamoListingStore(doc, config.TABLE_NAME),
    pavilionOrders: new DynamoPavilionOrdersStore(doc, config.TABLE_NAME),
    ...(config.AUTH_SIGN_IN_URL ? { pavilionSignInUrl: config.AUTH_SIGN_IN_URL } : {}),
    ...(config.AUTH_SIGN_OUT_URL ? { pavilionSignOutUrl: config.AUTH_SIGN_OUT_URL } : {}),
  };
  if (config.IMAGES_BUCKET) {
    deps.images = new S3ImageStore(createImagesS3Client(config.AWS_REGION), config.IMAGES_BUCKET, config.MEDIA_BASE_URL);
  } else if (config.MEDIA_DIR) {
    const local = new LocalImageStore({ mediaDir: config.MEDIA_DIR, mediaBaseUrl: config.MEDIA_BASE_URL, secret: config.UPLOAD_SIGNING_SECRET });
    deps.images = local;
    deps.uploads = local;
  }
  return deps;
}

/** The pavilion Lambda must not start half-configured. */
export function assertPavilionConfig(config: Config): void {
  const missing: string[] = (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => !config[name]);
  if (!config.IMAGES_BUCKET && !config.MEDIA_DIR) missing.push('IMAGES_BUCKET (or MEDIA_DIR locally)');
  if (missing.length > 0) throw new Error(`Invalid configuration: the pavilion workspace needs ${missing.join(', ')}`);
}
