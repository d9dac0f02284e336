import type { Product } from './catalogue.js';

/**
 * When the static site must be rebuilt. Its pages are built from the catalogue (products and
 * pavilions) at publish time, but they fetch the live counters below from the API, so a change
 * that moves only those (every checkout, payment, expiry and stock count) never needs a rebuild.
 *
 * One rule for both publishers: the stream handler in AWS (functions/handlers/republish.ts) and
 * the local runner (infra/local/catalogue-changes.ts).
 */
export const LIVE_FIELDS: ReadonlySet<string> = new Set([
  'stock', 'reserved', 'sold', 'version', 'updatedAt',
] satisfies readonly (keyof Product)[]);

/**
 * True when a change of one catalogue item (a product or a pavilion), from `before` to `after`
 * (null: the item did not exist, or no longer does), alters what the published pages show. Fields
 * are compared by value, however they are encoded.
 */
export function touchesPublishedPages(before: object | null, after: object | null): boolean {
  if (!before || !after) return before !== after;
  const was = before as Readonly<Record<string, unknown>>;
  const is = after as Readonly<Record<string, unknown>>;
  for (const field of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (LIVE_FIELDS.has(field)) continue;
    if (!sameValue(was[field], is[field])) return true;
  }
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const names = Object.keys(left);
  if (names.length !== Object.keys(right).length) return false;
  return names.every((name) => Object.hasOwn(right, name) && sameValue(left[name], right[name]));
}
