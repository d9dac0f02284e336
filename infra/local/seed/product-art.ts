import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATEGORIES, CATEGORY_NAMES, type Category, type Product } from '../../../functions/domain/catalogue.js';
import type { Pavilion } from '../../../functions/domain/pavilion.js';
import { pavilionBanner } from './art/banner.js';
import { drawingFor } from './art/choose.js';
import { hashOf } from './art/colour.js';
import { productStage, svgDocument } from './art/scene.js';

/** The warm, country-neutral colours of category pictures (synthetic listings point at these). */
const NEUTRAL = { primary: '#7a3e2b', accent: '#e0a830' } as const;

function illustration(key: string, category: Category, title: string, colors: { primary: string; accent: string }): string {
  const drawing = drawingFor(category, title);
  const palette = { id: key.replace(/[^a-z0-9-]/gi, '-'), primary: colors.primary, accent: colors.accent, fill: drawing.fill, seed: hashOf(key) % 997 };
  return svgDocument(800, 800, title, productStage(palette, drawing.draw(palette)));
}

/** A drawn picture of the product (800 x 800) in its pavilion's colours; the same product always gives the same file. */
export function productArt(product: Product, pavilion: Pavilion): string {
  return illustration(product.id, product.category, product.title.en, pavilion.colors);
}

/** A pavilion banner (1600 x 500): its region's skyline and ornament in its flag colours. */
export function pavilionArt(pavilion: Pavilion): string {
  return svgDocument(1600, 500, `${pavilion.name.en} pavilion`, pavilionBanner(pavilion));
}

/** The generic picture of a category, used by synthetic listings. */
export function categoryArt(category: Category): string {
  return illustration(`category-${category}`, category, CATEGORY_NAMES[category].en, NEUTRAL);
}

/** Link previews (Open Graph, Twitter's large card) want 1200 x 630; most of them cannot show SVG. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/**
 * The PNG twin of a drawing, for link previews (functions/domain/images.ts shareImage): a square
 * picture fills the height and its edges are drawn out sideways (wall and floor run on); a banner
 * fills the width and is cropped to the middle of its skyline.
 */
export async function shareImagePng(svg: string, shape: 'square' | 'banner'): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const { width, height } = SHARE_IMAGE;
  const drawing = sharp(Buffer.from(svg));
  const framed =
    shape === 'square'
      ? drawing.resize(height, height).extend({ left: Math.floor((width - height) / 2), right: Math.ceil((width - height) / 2), extendWith: 'copy' })
      : drawing.resize(width, height, { fit: 'cover' });
  return framed.png().toBuffer();
}

/**
 * Writes media/products/<id>.svg, media/pavilions/<cc>.svg and media/categories/<category>.svg,
 * each with its PNG twin for link previews (<name>.png beside it).
 */
export async function writeSeedMedia(mediaDir: string, pavilions: readonly Pavilion[], products: readonly Product[]): Promise<void> {
  const folders = { products: join(mediaDir, 'products'), pavilions: join(mediaDir, 'pavilions'), categories: join(mediaDir, 'categories') };
  await Promise.all(Object.values(folders).map((folder) => mkdir(folder, { recursive: true })));
  const byCode = new Map(pavilions.map((pavilion) => [pavilion.code, pavilion]));
  const drawings: Array<{ path: string; svg: string; shape: 'square' | 'banner' }> = [];
  for (const pavilion of pavilions) drawings.push({ path: join(folders.pavilions, pavilion.code.toLowerCase()), svg: pavilionArt(pavilion), shape: 'banner' });
  for (const category of CATEGORIES) drawings.push({ path: join(folders.categories, category), svg: categoryArt(category), shape: 'square' });
  for (const product of products) {
    const pavilion = byCode.get(product.pavilion);
    // Synthetic listings share their category's picture; only products with their own image path get a file.
    if (!pavilion || !product.images[0]?.startsWith('/media/products/')) continue;
    drawings.push({ path: join(folders.products, product.id), svg: productArt(product, pavilion), shape: 'square' });
  }
  // sharp renders on its own threads: a few at a time keeps both cores busy without piling up memory.
  const queue = [...drawings];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await writeFile(`${next.path}.svg`, next.svg);
      await writeFile(`${next.path}.png`, await shareImagePng(next.svg, next.shape));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}
