import { VARIANT_WIDTHS, variantOf, type VariantWidth } from '../../domain/images.js';

export interface ImageVariant {
  readonly width: VariantWidth;
  /** The variant's key or path: the original's with `-<width>.webp` (functions/domain/images.ts). */
  readonly name: string;
  /** The width the file really has: at most `width`, at most the original's. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly bytes: Buffer;
}

/** The original could not be decoded: the magic bytes said image, the rest did not. */
export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super(`The file is not a readable image: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnreadableImageError';
  }
}

/** A 5 MB upload may not unpack into more pixels than this (8K by 8K): a decompression bomb is refused, not resized. */
const MAX_INPUT_PIXELS = 8192 * 8192;

/**
 * The WebP variants of an uploaded photo (VARIANT_WIDTHS), each as wide as asked or as the
 * original, whichever is smaller: never upscaled. The photo is turned upright by its EXIF
 * orientation first, and no metadata is carried over (a phone's photo holds where it was taken).
 */
export async function resizeToVariants(original: Uint8Array, originalName: string): Promise<ImageVariant[]> {
  // Loaded when first used: every Lambda bundles the local image store (handlers/wire-pavilion.ts), but only the
  // image variants function ships sharp's native code (infra/constructs/image-variants.ts); the others never resize.
  const { default: sharp } = await import('sharp');
  const image = sharp(original, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });
  try {
    await image.metadata();
  } catch (error) {
    throw new UnreadableImageError(error);
  }
  try {
    return await Promise.all(
      VARIANT_WIDTHS.map(async (width) => {
        const { data, info } = await image
          .clone()
          .rotate()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80, effort: 4 })
          .toBuffer({ resolveWithObject: true });
        return { width, name: variantOf(originalName, width), pixelWidth: info.width, pixelHeight: info.height, bytes: data };
      }),
    );
  } catch (error) {
    throw new UnreadableImageError(error);
  }
}

/** What a variant is stored with: its type, and cached for good (the name is new for every upload). */
export const VARIANT_CONTENT_TYPE = 'image/webp';
export const VARIANT_CACHE_CONTROL = 'public, max-age=31536000, immutable';
