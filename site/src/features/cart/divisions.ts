import type { ProvinceRow } from '../../../../functions/domain/data/china-divisions.js';

/**
 * The province → city → district lists of the recipient's address, read from the same rows the
 * server resolves them with (functions/domain/data/china-divisions.ts). The ~86 KB of rows are
 * loaded by the cart page alone, on its own (divisions-picker.ts); these helpers only read them.
 */
export interface Choice {
  readonly code: string;
  readonly name: string;
}

export type DivisionRows = readonly ProvinceRow[];

export function provinceChoices(rows: DivisionRows): Choice[] {
  return rows.map(([code, name]) => ({ code, name }));
}

export function cityChoices(rows: DivisionRows, provinceCode: string): Choice[] {
  const province = rows.find(([code]) => code === provinceCode);
  return province ? province[2].map(([code, name]) => ({ code, name })) : [];
}

export function districtChoices(rows: DivisionRows, provinceCode: string, cityCode: string): Choice[] {
  const province = rows.find(([code]) => code === provinceCode);
  const city = province?.[2].find(([code]) => code === cityCode);
  return city ? city[2].map(([code, name]) => ({ code, name })) : [];
}

