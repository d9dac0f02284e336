/**
 * Product images: which sizes exist and where, by name alone, so the pages know them without asking storage.
 *
 * A photo a pavilion uploads (`/media/products/<id>/<uuid>.jpg|png|webp`, see
 * functions/adapters/images/image-keys.ts) is resized into WebP variants beside it:
 * `<uuid>-320.webp`, `<uuid>-640.webp` and `<uuid>-1280.webp` (locally on upload by
 * functions/adapters/images/local-image-store.ts, in AWS by functions/handlers/image-variants.ts).
 * A variant is never wider than its original: a small photo gives the same-sized file under the
 * larger names, so every name always exists.
 *
 * Drawn art (`.svg`, the seed's) stays vector and has no variants. Link previews cannot show SVG,
 * so each drawing has a PNG twin beside it with the same name (infra/local/seed/product-art.ts).
 */

/** Widths of the WebP variants, smallest first. */
export const VARIANT_WIDTHS = [320, 640, 1280] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];

/** The path of an uploaded photo (site-relative URL); only these have variants. */
export const UPLOADED_IMAGE = /^\/media\/products\/[a-z]{2}-[a-z0-9-]{1,63}\/[0-9a-f-]{36}\.(jpg|png|webp)$/;

export function hasVariants(url: string): boolean {
  return UPLOADED_IMAGE.test(url);
}

/** `…/<uuid>.jpg` → `…/<uuid>-640.webp`; works on URLs and on storage keys alike. */
export function variantOf(pathOrKey: string, width: VariantWidth): string {
  return pathOrKey.replace(/\.(jpg|png|webp)$/, `-${width}.webp`);
}

export interface ResponsiveSource {
  readonly src: string;
  /** Absent for drawn art (vector: one file fits every size). */
  readonly srcset?: string;
}

/**
 * What an `<img>` needs for an image at `url`: for an uploaded photo the variants as a `w` srcset
 * and, as `src`, the variant nearest `fallbackWidth` (never the original, which may be 5 MB).
 */
export function responsiveSource(url: string, fallbackWidth: VariantWidth = 640): ResponsiveSource {
  if (!hasVariants(url)) return { src: url };
  return {
    src: variantOf(url, fallbackWidth),
    srcset: VARIANT_WIDTHS.map((width) => `${variantOf(url, width)} ${width}w`).join(', '),
  };
}

/**
 * The image for link previews (Open Graph, Twitter): an uploaded photo's largest variant (WebP,
 * which the big consumers read), drawn art's PNG twin; anything else as it is.
 */
export function shareImage(url: string): string {
  if (hasVariants(url)) return variantOf(url, 1280);
  return url.replace(/\.svg$/, '.png');
}
