/** At or below this many units a product shows "Only N left" instead of "In stock: N". */
export const LOW_STOCK = 5;

export type StockLevel = 'in' | 'low' | 'out';

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
