import type { ImageType, ReceivedUpload, UploadTarget } from '../../ports/image-store.js';
import { UploadRefused } from '../../ports/image-store.js';
import type { Manager } from '../../ports/token-verifier.js';
import type { PavilionDeps } from './deps.js';
import { isOwnProductId } from './ownership.js';
import { PavilionRefusedError } from './refusal.js';

/** A signed URL to upload one image for one of the manager's listings (saved or not yet). */
export async function requestImageUpload(
  deps: Pick<PavilionDeps, 'images'>,
  manager: Manager,
  productId: string,
  file: { contentType: ImageType; contentLength: number },
): Promise<UploadTarget> {
  if (!isOwnProductId(manager, productId)) throw new PavilionRefusedError({ reason: 'not_your_listing', for: 'images' });
  return deps.images.createUpload({ productId, ...file });
}

/**
 * The local stand-in for the images bucket: public like S3's endpoint, guarded by the URL's
 * signature. The body is read only where uploads are received at all.
 */
export async function receiveImageUpload(
  deps: Pick<PavilionDeps, 'uploads'>,
  upload: Omit<ReceivedUpload, 'bytes'> & { readonly bytes: () => Promise<Uint8Array> },
): Promise<{ readonly imageUrl: string }> {
  const receiver = deps.uploads;
  if (!receiver) throw new PavilionRefusedError({ reason: 'uploads_elsewhere' });
  try {
    return await receiver.receive({ ...upload, bytes: await upload.bytes() });
  } catch (error) {
    if (error instanceof UploadRefused) throw new PavilionRefusedError({ reason: 'upload_refused', status: error.status, message: error.message });
    throw error;
  }
}
