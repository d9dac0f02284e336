/** At or below this many units a product shows "Only N left" instead of "In stock: N". */
export const LOW_STOCK = 5;

export type StockLevel = 'in' | 'low' | 'out';

/** How each level looks, in the storefront's tones (styles/storefront.css). */
export const STOCK_TONES: Readonly<Record<StockLevel, 'ok' | 'warn' | 'bad'>> = { in: 'ok', low: 'warn', out: 'bad' };

export function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return 'out';
  return stock <= LOW_STOCK ? 'low' : 'in';
}

/** The three phrasings of a language, each with `{n}` where the count goes. */
export interface StockTexts {
  readonly in: string;
  readonly low: string;
  readonly out: string;
}

export function stockText(stock: number, texts: StockTexts, formatCount: (n: number) => string = String): string {
  return texts[stockLevel(stock)].replace('{n}', formatCount(Math.max(0, stock)));
}
