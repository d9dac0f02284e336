/**
 * Listing images are uploaded by the browser straight to storage, never through the API:
 * the API hands out a short-lived signed PUT URL (S3 presigned in AWS, HMAC-signed to the local
 * server at home) whose signature fixes the key, the content type and the exact length.
 */
export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** 5 MB: enough for a product photo, small enough for a shopper's phone. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export function isImageType(value: string): value is ImageType {
  return Object.hasOwn(IMAGE_TYPES, value);
}

export interface UploadRequest {
  readonly productId: string;
  readonly contentType: ImageType;
  readonly contentLength: number;
}

/** Send the file with `PUT url`, these headers, and exactly the declared length (the browser sets it from the file). */
export interface UploadTarget {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Where the image will be served once uploaded (site-relative, `/media/...`). */
  readonly imageUrl: string;
  readonly expiresAt: string;
}

export interface ImageStore {
  createUpload(request: UploadRequest): Promise<UploadTarget>;
}

/** What the local server got on its upload URL. */
export interface ReceivedUpload {
  /** The URL path after /uploads/ (`<product id>/<file>`) and its query string parameters. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** The local stand-in for the images bucket (the local server only). */
export interface UploadReceiver {
  /** Checks the signature, the type and the bytes, then stores the file; throws UploadRefused otherwise. */
  receive(upload: ReceivedUpload): Promise<{ readonly imageUrl: string }>;
}

export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}
