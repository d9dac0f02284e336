import type { Product } from '../../../functions/domain/catalogue.js';
import type { PavilionCode } from '../../../functions/domain/pavilion.js';
import { SEED_PAVILIONS } from './pavilions.js';
import { buildProduct, type ProductSpec } from './product-spec.js';
import { AF_PRODUCTS } from './products/af.js';
import { BY_PRODUCTS } from './products/by.js';
import { EG_PRODUCTS } from './products/eg.js';
import { IN_PRODUCTS } from './products/in.js';
import { IR_PRODUCTS } from './products/ir.js';
import { KG_PRODUCTS } from './products/kg.js';
import { KZ_PRODUCTS } from './products/kz.js';
import { MN_PRODUCTS } from './products/mn.js';
import { PK_PRODUCTS } from './products/pk.js';
import { RU_PRODUCTS } from './products/ru.js';
import { TJ_PRODUCTS } from './products/tj.js';
import { TR_PRODUCTS } from './products/tr.js';
import { UZ_PRODUCTS } from './products/uz.js';

/** Each pavilion's listings as written in products/<cc>.ts. */
export const PRODUCT_SPECS: Readonly<Record<PavilionCode, readonly ProductSpec[]>> = {
  KG: KG_PRODUCTS,
  RU: RU_PRODUCTS,
  KZ: KZ_PRODUCTS,
  UZ: UZ_PRODUCTS,
  TJ: TJ_PRODUCTS,
  EG: EG_PRODUCTS,
  BY: BY_PRODUCTS,
  PK: PK_PRODUCTS,
  IN: IN_PRODUCTS,
  MN: MN_PRODUCTS,
  TR: TR_PRODUCTS,
  IR: IR_PRODUCTS,
  AF: AF_PRODUCTS,
};

/** The hand-written catalogue; timestamps fall in the weeks before `now`, everything else is fixed. */
export function seedProducts(now: Date): Product[] {
  const products: Product[] = [];
  for (const pavilion of SEED_PAVILIONS) {
    for (const spec of PRODUCT_SPECS[pavilion.code] ?? []) {
      products.push(buildProduct(spec, pavilion, products.length, now));
    }
  }
  return products;
}
