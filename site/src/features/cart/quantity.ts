import { MAX_LINE_QUANTITY } from '../../../../functions/domain/cart.js';

export { MAX_LINE_QUANTITY };

/** What a shopper typed into a quantity box, as a whole number 0..999, or null when it is not one. */
export function parseQuantity(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d{1,4}$/.test(text)) return null;
  const value = Number(text);
  return value <= MAX_LINE_QUANTITY ? value : null;
}

/** Keeps a stepper within 1 and what can be bought (never above the cart's per-line limit). */
export function clampQuantity(value: number, available: number = MAX_LINE_QUANTITY): number {
  const ceiling = Math.max(1, Math.min(MAX_LINE_QUANTITY, available));
  if (!Number.isFinite(value)) return 1;
  return Math.min(ceiling, Math.max(1, Math.trunc(value)));
}
