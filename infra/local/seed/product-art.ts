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

/** Writes media/products/<id>.svg, media/pavilions/<cc>.svg and media/categories/<category>.svg. */
export async function writeSeedMedia(mediaDir: string, pavilions: readonly Pavilion[], products: readonly Product[]): Promise<void> {
  const folders = { products: join(mediaDir, 'products'), pavilions: join(mediaDir, 'pavilions'), categories: join(mediaDir, 'categories') };
  await Promise.all(Object.values(folders).map((folder) => mkdir(folder, { recursive: true })));
  const byCode = new Map(pavilions.map((pavilion) => [pavilion.code, pavilion]));
  for (const pavilion of pavilions) await writeFile(join(folders.pavilions, `${pavilion.code.toLowerCase()}.svg`), pavilionArt(pavilion));
  for (const category of CATEGORIES) await writeFile(join(folders.categories, `${category}.svg`), categoryArt(category));
  for (const product of products) {
    const pavilion = byCode.get(product.pavilion);
    // Synthetic listings share their category's picture; only products with their own image path get a file.
    if (!pavilion || !product.images[0]?.startsWith('/media/products/')) continue;
    await writeFile(join(folders.products, `${product.id}.svg`), productArt(product, pavilion));
  }
}
