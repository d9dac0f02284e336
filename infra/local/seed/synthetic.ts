import { CATEGORIES, productIdFor, type Certificate, type Fulfilment, type Product } from '../../../functions/domain/catalogue.js';
import { money, type CurrencyCode } from '../../../functions/domain/money.js';
import type { Pavilion } from '../../../functions/domain/pavilion.js';
import { certify, isEaeuMember } from './certificates.js';
import { air, bonded, rail, t, timestampsFor, toMinorUnits } from './product-spec.js';
import { SYNTHETIC_LINES, SYNTHETIC_TEMPLATES } from './synthetic-templates.js';

/**
 * Rough shelf-price levels, units of each currency per yuan (mid-2025). Only used to make synthetic
 * prices look local; checkout converts with the stored rate snapshot, never with this table.
 */
export const APPROX_UNITS_PER_CNY: Readonly<Record<CurrencyCode, number>> = {
  CNY: 1, KZT: 72, KGS: 12, UZS: 1750, TJS: 1.5, RUB: 11.5, BYN: 0.45, INR: 12, PKR: 39, EGP: 6.8,
  MNT: 480, TRY: 5.6, AFN: 9.6, USD: 0.14, EUR: 0.12, HKD: 1.09,
};

/** Pavilions whose makers commonly hold halal certificates. */
const HALAL_COUNTRIES = new Set(['AF', 'EG', 'IR', 'KG', 'KZ', 'PK', 'TJ', 'TR', 'UZ']);

/** The pack sizes a template comes in, with a price factor a little below proportional, as shops price them. */
const PACKS = [
  { size: 1, price: 1 },
  { size: 0.5, price: 0.6 },
  { size: 2, price: 1.8 },
] as const;

/** Three significant figures, so 1,234.56 reads 1,230 and 4.237 reads 4.24: how shelf prices look. */
function shelfPrice(major: number): number {
  const step = 10 ** (Math.floor(Math.log10(major)) - 2);
  return Math.max(0.01, Math.round(major / step) * step);
}

function fulfilmentFor(index: number): Fulfilment {
  switch (index % 3) {
    case 0:
      return bonded(2 + (index % 4));
    case 1:
      return rail(10 + (index % 12));
    default:
      return air(5 + (index % 5));
  }
}

function issueDate(index: number): string {
  const day = new Date(Date.UTC(2022, 0, 5) + ((index * 131) % 990) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * N plausible listings spread over the given pavilions and every category, for scale runs
 * (the 2023 expo showed more than 10,000 kinds of goods). Deterministic: the same N gives the same catalogue.
 */
export function syntheticProducts(count: number, pavilions: readonly Pavilion[], now: Date): Product[] {
  if (pavilions.length === 0) throw new RangeError('Synthetic products need at least one pavilion');
  const products: Product[] = [];
  for (let index = 0; index < count; index++) {
    const categoryIndex = index % CATEGORIES.length;
    const category = CATEGORIES[categoryIndex]!;
    const round = Math.floor(index / CATEGORIES.length);
    // Each round of twelve shifts the pavilions by one, so every pavilion gets every category.
    const pavilion = pavilions[(round + categoryIndex) % pavilions.length]!;
    const templates = SYNTHETIC_TEMPLATES[category];
    const template = templates[round % templates.length]!;
    const line = SYNTHETIC_LINES[(index * 5) % SYNTHETIC_LINES.length]!;
    const pack = category === 'crafts' ? PACKS[0] : PACKS[(index * 7) % PACKS.length]!;
    const contents = Math.round(template.grams * pack.size);
    const sku = `SYN-${String(index).padStart(6, '0')}`;
    const id = productIdFor(pavilion.code, sku);
    const c = certify(pavilion.code);
    const certificates: Certificate[] = [];
    const issued = issueDate(index);
    if (template.hs) {
      certificates.push(c.gacc(template.hs, issued, index));
      if (HALAL_COUNTRIES.has(pavilion.code) && index % 2 === 0) certificates.push(c.halal(index, `${2027 + (index % 3)}-06-30`));
      if (isEaeuMember(pavilion.code)) certificates.push(c.eac(index % 100_000, `${2027 + (index % 3)}-12-31`));
    }
    const producerNo = 1 + (index % 40);
    const major = shelfPrice(template.cny * pack.price * APPROX_UNITS_PER_CNY[pavilion.currency]);
    products.push({
      id,
      pavilion: pavilion.code,
      sku,
      category,
      status: 'active',
      title: t(`${line.zh}·${template.name.zh}`, `${template.name.ru}, ${line.ru}`, `${template.name.en} (${line.en})`),
      description: t(
        `产自${pavilion.name.zh}的${template.name.zh}。${template.note.zh}`,
        `${template.name.ru}. Страна происхождения — ${pavilion.name.ru}. ${template.note.ru}`,
        `${template.name.en} from ${pavilion.name.en}. ${template.note.en}`,
      ),
      unit: template.pack(contents),
      price: money(toMinorUnits(major, pavilion.currency), pavilion.currency),
      weightGrams: Math.round(contents * 1.12) + 40,
      origin: pavilion.name,
      producer: t(`${pavilion.name.zh}第${producerNo}生产合作社`, `Производственный кооператив № ${producerNo} (${pavilion.name.ru})`, `${pavilion.name.en} Producers Cooperative No. ${producerNo}`),
      certificates,
      fulfilment: fulfilmentFor(index),
      hsCode: template.hsCode,
      images: [`/media/categories/${category}.svg`],
      stock: (index * 37) % 250,
      reserved: 0,
      sold: 0,
      version: 1,
      ...timestampsFor(index, now),
    });
  }
  return products;
}
