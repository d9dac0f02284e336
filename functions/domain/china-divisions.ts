import { CHINA_DIVISIONS, type CityRow, type ProvinceRow } from './data/china-divisions.js';

/** One administrative division: its GB/T 2260 code and its Chinese name, as couriers and customs read it. */
export interface Division {
  readonly code: string;
  readonly name: string;
}

export interface DivisionPath {
  readonly province: Division;
  readonly city: Division;
  readonly district: Division;
}

/** Which level did not resolve, so the refusal can name that field. */
export type DivisionProblem = 'province' | 'city' | 'district';

/** A division is named by its six-digit code or by its exact Chinese name; both come from the same list. */
function matches(row: readonly [string, string, ...unknown[]], value: string): boolean {
  const wanted = value.trim();
  return row[0] === wanted || row[1] === wanted;
}

/**
 * Resolves province, city and district chosen from the lists, checking that each lies inside the
 * one above it (a Qingdao district under Beijing is refused, naming the district).
 */
export function resolveDivisions(province: string, city: string, district: string): DivisionPath | DivisionProblem {
  const provinceRow: ProvinceRow | undefined = CHINA_DIVISIONS.find((row) => matches(row, province));
  if (!provinceRow) return 'province';
  const cityRow: CityRow | undefined = provinceRow[2].find((row) => matches(row, city));
  if (!cityRow) return 'city';
  const districtRow = cityRow[2].find((row) => matches(row, district));
  if (!districtRow) return 'district';
  return {
    province: { code: provinceRow[0], name: provinceRow[1] },
    city: { code: cityRow[0], name: cityRow[1] },
    district: { code: districtRow[0], name: districtRow[1] },
  };
}
