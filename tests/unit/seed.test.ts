import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, HS_CODE, PRODUCT_ID, SKU, isCategory, productIdFor, type Category, type Product } from '../../functions/domain/catalogue.js';
import { FULFILMENT_MODES } from '../../functions/domain/freight.js';
import { importTaxRowFor } from '../../functions/domain/import-tax-rates.js';
import { contentOf } from '../../functions/domain/listing.js';
import { LANGUAGES, type Localized } from '../../functions/domain/languages.js';
import { isCurrency } from '../../functions/domain/money.js';
import type { Pavilion } from '../../functions/domain/pavilion.js';
import type { CatalogueStore } from '../../functions/ports/catalogue-store.js';
import { contrastOnWhite } from '../../infra/local/seed/art/colour.js';
import { GACC_NUMBER, alpha3 } from '../../infra/local/seed/certificates.js';
import { SEED_PAVILIONS, categoryArt, pavilionArt, productArt, seedCatalogue, seedProducts, syntheticProducts, writeSeedMedia } from '../../infra/local/seed/index.js';
import { APPROX_UNITS_PER_CNY } from '../../infra/local/seed/synthetic.js';
import { SYNTHETIC_TEMPLATES } from '../../infra/local/seed/synthetic-templates.js';
import { FreightRatesSchema } from '../../functions/http/schemas/freight.js';
import { ListingContentSchema } from '../../functions/http/schemas/listing.js';

const NOW = new Date('2025-06-01T08:00:00Z');
const products = seedProducts(NOW);
const pavilionOf = new Map(SEED_PAVILIONS.map((pavilion) => [pavilion.code, pavilion]));

const CJK = /[\u4e00-\u9fff]/;
const CYRILLIC = /[\u0400-\u04ff]/;
/** Everything except crafts is food, and every overseas food maker needs a GACC registration (Decree 248/280). */
const FOOD: ReadonlySet<Category> = new Set(CATEGORIES.filter((category) => category !== 'crafts'));

function expectReadableInEveryLanguage(text: Localized, what: string): void {
  for (const language of LANGUAGES) expect(text[language].trim(), `${what} in ${language}`).not.toBe('');
  expect(text.zh, `${what} zh`).toMatch(CJK);
  expect(text.ru, `${what} ru`).toMatch(CYRILLIC);
  expect(text.en, `${what} en`).toMatch(/[A-Za-z]/);
  expect(text.en, `${what} en`).not.toMatch(CJK);
  expect(text.en, `${what} en`).not.toMatch(CYRILLIC);
  expect(new Set([text.zh, text.ru, text.en]).size, `${what} differs by language`).toBe(3);
}

/** Every tag opened is closed in order: enough of an XML parse to catch broken markup from string building. */
function expectWellFormedSvg(svg: string, width: number, height: number): void {
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
  const stack: string[] = [];
  for (const [, closing, name, , selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
}

function expectValidProduct(product: Product, pavilion: Pavilion): void {
  expect(product.id).toBe(productIdFor(product.pavilion, product.sku));
  expect(product.id).toMatch(PRODUCT_ID);
  expect(product.sku).toMatch(SKU);
  expect(isCategory(product.category)).toBe(true);
  expect(product.price.currency).toBe(pavilion.currency);
  expect(Number.isSafeInteger(product.price.amount) && product.price.amount > 0).toBe(true);
  expect(Number.isInteger(product.weightGrams) && product.weightGrams > 0).toBe(true);
  expect(Number.isInteger(product.stock) && product.stock >= 0).toBe(true);
  expect([product.reserved, product.sold, product.version, product.status]).toEqual([0, 0, 1, 'active']);
  for (const field of ['title', 'description', 'unit', 'origin', 'producer'] as const) expectReadableInEveryLanguage(product[field], `${product.id} ${field}`);
  for (const certificate of product.certificates) {
    expect(certificate.validUntil).toMatch(/^(2027|2028|2029)-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(certificate.validUntil))).toBe(false);
    expect(certificate.number.length).toBeLessThanOrEqual(60);
  }
  if (FOOD.has(product.category)) {
    const gacc = product.certificates.find((certificate) => certificate.kind === 'gacc');
    expect(gacc, `${product.id} carries its maker's GACC registration`).toBeDefined();
    expect(gacc!.number).toMatch(GACC_NUMBER);
    expect(gacc!.number.slice(1, 4)).toBe(alpha3(product.pavilion));
  }
  expect(product.hsCode, `${product.id} HS code`).toMatch(HS_CODE);
  // Food comes from the chapters of animal, vegetable and prepared foods (01-24) or salt (25); crafts from the chapters of wood, textiles, ceramics, metal and lamps.
  const chapter = Number(product.hsCode.slice(0, 2));
  if (FOOD.has(product.category)) expect(chapter, `${product.id} ${product.hsCode}`).toBeLessThanOrEqual(25);
  else expect(chapter, `${product.id} ${product.hsCode}`).toBeGreaterThanOrEqual(44);
  // What the listing API would take: a seeded product is one a manager could have written.
  const content = ListingContentSchema.safeParse(contentOf(product));
  expect(content.success, `${product.id}: ${JSON.stringify(content.error?.issues)}`).toBe(true);
  const { mode, leadTimeDays } = product.fulfilment;
  const [min, max] = { bonded_warehouse: [2, 5], direct_rail: [10, 21], direct_air: [5, 9] }[mode];
  expect(leadTimeDays).toBeGreaterThanOrEqual(min!);
  expect(leadTimeDays).toBeLessThanOrEqual(max!);
  expect(Date.parse(product.createdAt)).toBeLessThanOrEqual(Date.parse(product.updatedAt));
  expect(Date.parse(product.updatedAt)).toBeLessThan(NOW.getTime());
}

describe('seeded pavilions', () => {
  it('has at least ten pavilions, each with its own code, a currency Stripe takes and names in zh, ru and en', () => {
    expect(SEED_PAVILIONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SEED_PAVILIONS.map((pavilion) => pavilion.code)).size).toBe(SEED_PAVILIONS.length);
    for (const pavilion of SEED_PAVILIONS) {
      expect(pavilion.code).toMatch(/^[A-Z]{2}$/);
      expect(isCurrency(pavilion.currency)).toBe(true);
      expectReadableInEveryLanguage(pavilion.name, `${pavilion.code} name`);
      expectReadableInEveryLanguage(pavilion.tagline, `${pavilion.code} tagline`);
      expect(pavilion.colors.primary).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(pavilion.colors.accent).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(pavilion.flag).not.toBe('');
    }
  });

  it('states each country’s SCO standing, and prices Iran in US dollars because Stripe has no IRR', () => {
    const standing = Object.fromEntries(SEED_PAVILIONS.map((pavilion) => [pavilion.code, pavilion.standing]));
    for (const member of ['IN', 'IR', 'KZ', 'KG', 'PK', 'RU', 'TJ', 'UZ', 'BY']) expect(standing[member], member).toBe('member');
    expect(standing.MN).toBe('observer');
    expect(standing.EG).toBe('partner');
    expect(standing.TR).toBe('partner');
    expect(pavilionOf.get('IR')?.currency).toBe('USD');
    expect(pavilionOf.get('KG')?.currency).toBe('KGS');
  });

  it('sets freight per mode as the workspace would take it: bonded free or nearly, rail ¥20–35 + ¥8–15, air ¥50–90 + ¥25–40', () => {
    const yuan = (fen: number) => fen / 100;
    for (const pavilion of SEED_PAVILIONS) {
      const rates = pavilion.freightRates;
      expect(rates, pavilion.code).toBeDefined();
      expect(FreightRatesSchema.safeParse(rates).success, pavilion.code).toBe(true);
      expect(Object.keys(rates!).sort()).toEqual([...FULFILMENT_MODES].sort());
      const { bonded_warehouse: bonded, direct_rail: rail, direct_air: air } = rates!;
      expect(yuan(bonded.firstKg.amount), pavilion.code).toBeLessThanOrEqual(5);
      expect(yuan(bonded.extraKg.amount), pavilion.code).toBeLessThanOrEqual(2);
      expect(yuan(rail.firstKg.amount), pavilion.code).toBeGreaterThanOrEqual(20);
      expect(yuan(rail.firstKg.amount), pavilion.code).toBeLessThanOrEqual(35);
      expect(yuan(rail.extraKg.amount), pavilion.code).toBeGreaterThanOrEqual(8);
      expect(yuan(rail.extraKg.amount), pavilion.code).toBeLessThanOrEqual(15);
      expect(yuan(air.firstKg.amount), pavilion.code).toBeGreaterThanOrEqual(50);
      expect(yuan(air.firstKg.amount), pavilion.code).toBeLessThanOrEqual(90);
      expect(yuan(air.extraKg.amount), pavilion.code).toBeGreaterThanOrEqual(25);
      expect(yuan(air.extraKg.amount), pavilion.code).toBeLessThanOrEqual(40);
    }
  });

  it('charges more for freight from farther away: Egypt pays more than Kazakhstan by rail and by air', () => {
    const rates = (code: string) => pavilionOf.get(code)!.freightRates!;
    for (const mode of ['direct_rail', 'direct_air'] as const) {
      expect(rates('EG')[mode].firstKg.amount).toBeGreaterThan(rates('KZ')[mode].firstKg.amount);
      expect(rates('TR')[mode].extraKg.amount).toBeGreaterThan(rates('KG')[mode].extraKg.amount);
    }
  });

  it('uses a primary colour that reads as text on white (WCAG AA, 4.5:1)', () => {
    for (const pavilion of SEED_PAVILIONS) expect(contrastOnWhite(pavilion.colors.primary), pavilion.code).toBeGreaterThanOrEqual(4.5);
  });
});

describe('seeded products', () => {
  it('lists at least sixty products and gives every pavilion a shelf', () => {
    expect(products.length).toBeGreaterThanOrEqual(60);
    for (const pavilion of SEED_PAVILIONS) expect(products.some((product) => product.pavilion === pavilion.code), pavilion.code).toBe(true);
  });

  it('keeps every product valid: texts in three languages, integer prices in its pavilion’s currency, GACC for food, sane lead times', () => {
    for (const product of products) expectValidProduct(product, pavilionOf.get(product.pavilion)!);
  });

  it('gives every product a unique id and SKU and its own drawn image', () => {
    expect(new Set(products.map((product) => product.id)).size).toBe(products.length);
    expect(new Set(products.map((product) => product.sku)).size).toBe(products.length);
    for (const product of products) expect(product.images).toEqual([`/media/products/${product.id}.svg`]);
  });

  it('shows Kyrgyzstan’s expo shelf: several honeys, cherries, jam and dairy', () => {
    const kyrgyz = products.filter((product) => product.pavilion === 'KG');
    expect(kyrgyz.filter((product) => product.category === 'honey').length).toBeGreaterThanOrEqual(3);
    expect(kyrgyz.some((product) => product.category === 'fruit' && /cherr/i.test(product.title.en))).toBe(true);
    expect(kyrgyz.filter((product) => product.category === 'jam').length).toBeGreaterThanOrEqual(2);
    expect(kyrgyz.filter((product) => product.category === 'dairy').length).toBeGreaterThanOrEqual(2);
  });

  it('prices 500 g of Issyk-Kul white honey at 1,200 som, in tyiyn', () => {
    const honey = products.find((product) => product.sku === 'KG-HNY-001');
    expect(honey?.price).toEqual({ amount: 120_000, currency: 'KGS' });
  });

  it('keeps every shelf price between 5 and 1,500 yuan at rough mid-2025 rates, far inside the CNY 5,000 order limit', () => {
    for (const product of products) {
      const yuan = product.price.amount / 100 / APPROX_UNITS_PER_CNY[product.price.currency];
      expect(yuan, product.id).toBeGreaterThanOrEqual(5);
      expect(yuan, product.id).toBeLessThanOrEqual(1500);
    }
  });

  it.each([
    ['KG-HNY-001', 'Issyk-Kul white honey', '0409'],
    ['KG-FRT-001', 'fresh cherries', '0809'],
    ['KG-FRT-003', 'dried apricots', '0813'],
    ['KG-JAM-001', 'apricot jam', '2007'],
    ['UZ-FRT-001', 'raisins', '080620'],
    ['KZ-FRT-001', 'apples', '0808'],
    ['EG-FRT-001', 'dates', '0804'],
    ['TJ-FRT-003', 'lemons', '0805'],
    ['IR-FRT-001', 'pistachios', '0802'],
    ['BY-DRY-001', 'hard cheese', '0406'],
    ['BY-DRY-002', 'milk powder', '0402'],
    ['BY-DRY-003', 'butter', '0405'],
    ['RU-GRN-001', 'buckwheat', '1008'],
    ['PK-GRN-001', 'basmati rice', '1006'],
    ['KZ-GRN-001', 'wheat flour', '1101'],
    ['EG-OIL-001', 'olive oil', '1509'],
    ['RU-OIL-001', 'pine nut oil', '1515'],
    ['PK-SPC-001', 'pink salt', '2501'],
  ])('declares %s (%s) under a code the import tax table reads as %s', (sku, _goods, row) => {
    const product = products.find((candidate) => candidate.sku === sku)!;
    expect(importTaxRowFor(product.hsCode).prefix).toBe(row);
  });

  it('declares every honey as natural honey and every jam as a cooked preserve', () => {
    for (const product of products.filter((candidate) => candidate.category === 'honey')) expect(product.hsCode, product.id).toBe('0409000000');
    for (const product of products.filter((candidate) => candidate.category === 'jam')) expect(product.hsCode.slice(0, 4), product.id).toBe('2007');
  });

  it('has some products running low and some sold out, so the shop shows both states', () => {
    expect(products.some((product) => product.stock === 0)).toBe(true);
    expect(products.some((product) => product.stock > 0 && product.stock <= 5)).toBe(true);
  });

  it('produces the same catalogue for the same moment, and only timestamps move with it', () => {
    expect(seedProducts(NOW)).toEqual(products);
    const later = seedProducts(new Date(NOW.getTime() + 86_400_000));
    expect(later.map(({ createdAt, updatedAt, ...rest }) => rest)).toEqual(products.map(({ createdAt, updatedAt, ...rest }) => rest));
  });
});

describe('synthetic products', () => {
  const synthetic = syntheticProducts(1500, SEED_PAVILIONS, NOW);

  it('yields N valid products with unique ids, spread over every pavilion and every category', () => {
    expect(synthetic).toHaveLength(1500);
    expect(new Set(synthetic.map((product) => product.id)).size).toBe(1500);
    for (const product of synthetic) {
      expectValidProduct(product, pavilionOf.get(product.pavilion)!);
      expect(product.sku).toMatch(/^SYN-\d{6}$/);
      expect(product.images).toEqual([`/media/categories/${product.category}.svg`]);
    }
    expect(new Set(synthetic.map((product) => product.pavilion)).size).toBe(SEED_PAVILIONS.length);
    expect(new Set(synthetic.map((product) => product.category)).size).toBe(CATEGORIES.length);
    for (const pavilion of SEED_PAVILIONS) {
      const categories = new Set(synthetic.filter((product) => product.pavilion === pavilion.code).map((product) => product.category));
      expect(categories.size, pavilion.code).toBe(CATEGORIES.length);
    }
  });

  it('declares each food template under the heading its maker is registered for with GACC', () => {
    for (const template of Object.values(SYNTHETIC_TEMPLATES).flat()) {
      expect(template.hsCode, template.name.en).toMatch(HS_CODE);
      if (template.hs) expect(template.hsCode.startsWith(template.hs), template.name.en).toBe(true);
    }
  });

  it('never collides with the hand-written catalogue and is the same on every run', () => {
    const seeded = new Set(products.map((product) => product.id));
    expect(synthetic.some((product) => seeded.has(product.id))).toBe(false);
    expect(syntheticProducts(1500, SEED_PAVILIONS, NOW)).toEqual(synthetic);
  });
});

describe('drawn media', () => {
  it('draws every seeded product as a well-formed 800 x 800 SVG', () => {
    for (const product of products) expectWellFormedSvg(productArt(product, pavilionOf.get(product.pavilion)!), 800, 800);
  });

  it('draws a different picture for each category, and the same picture every time', () => {
    const pictures = CATEGORIES.map((category) => categoryArt(category));
    for (const svg of pictures) expectWellFormedSvg(svg, 800, 800);
    const bodies = pictures.map((svg) => svg.replace(/<title>.*<\/title>|aria-label="[^"]*"|category-[a-z]+/g, ''));
    expect(new Set(bodies).size).toBe(CATEGORIES.length);
    expect(CATEGORIES.map((category) => categoryArt(category))).toEqual(pictures);
  });

  it('paints each product in its pavilion’s colours', () => {
    const honey = products.find((product) => product.sku === 'KG-HNY-001')!;
    expect(productArt(honey, pavilionOf.get('KG')!)).toContain(pavilionOf.get('KG')!.colors.primary);
  });

  it('draws a 1600 x 500 banner for every pavilion', () => {
    for (const pavilion of SEED_PAVILIONS) {
      const svg = pavilionArt(pavilion);
      expectWellFormedSvg(svg, 1600, 500);
      expect(svg).toContain(pavilion.colors.accent);
    }
  });

  it('writes product, pavilion and category pictures where the site expects them, each with a 1200 x 630 PNG twin for link previews', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seed-media-'));
    try {
      const mixed = [...products.slice(0, 3), ...syntheticProducts(2, SEED_PAVILIONS, NOW)];
      await writeSeedMedia(dir, SEED_PAVILIONS, mixed);
      const twins = (names: string[]) => names.flatMap((name) => [`${name}.png`, `${name}.svg`]).sort();
      expect((await readdir(join(dir, 'products'))).sort()).toEqual(twins(products.slice(0, 3).map((product) => product.id)));
      expect((await readdir(join(dir, 'pavilions'))).length).toBe(2 * SEED_PAVILIONS.length);
      expect((await readdir(join(dir, 'categories'))).sort()).toEqual(twins([...CATEGORIES]));
      expectWellFormedSvg(await readFile(join(dir, 'pavilions', 'kg.svg'), 'utf8'), 1600, 500);
      for (const png of [join(dir, 'pavilions', 'kg.png'), join(dir, 'products', `${products[0]!.id}.png`), join(dir, 'categories', 'honey.png')]) {
        const meta = await sharp(png).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('seedCatalogue', () => {
  it('puts every pavilion before any product, then all seeded products', async () => {
    const calls: string[] = [];
    const written: Product[] = [];
    const store = {
      putPavilion: async (pavilion: Pavilion) => void calls.push(`pavilion:${pavilion.code}`),
      putProducts: async (batch: readonly Product[]) => {
        calls.push('products');
        written.push(...batch);
      },
    } as unknown as CatalogueStore;
    await seedCatalogue(store, NOW);
    const firstProducts = calls.indexOf('products');
    expect(calls.slice(0, firstProducts)).toEqual(SEED_PAVILIONS.map((pavilion) => `pavilion:${pavilion.code}`));
    expect(written).toEqual(products);
  });
});
