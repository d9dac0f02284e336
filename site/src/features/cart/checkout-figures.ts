import type { Money } from '../../../../functions/domain/money.js';

/**
 * Goods, freight and import tax as the API states them for a cart (checkoutTotal) or an order:
 * the page shows them, it never adds or converts them (functions/domain/cross-border-quote.ts
 * works them out, once, for the cart, the payment and customs).
 */
export interface CrossBorderFigures {
  readonly goods: Money;
  readonly freight: Money;
  readonly tax: Money;
}

export interface FigureRow {
  /** The part of the data-testid after the page's prefix: goods, freight, tax. */
  readonly name: 'goods' | 'freight' | 'tax';
  readonly value: Money;
  /** Freight of nothing at all (a bonded warehouse in China) reads "Free" rather than ¥0.00. */
  readonly free: boolean;
}

/** The rows above the total, in reading order. */
export function figureRows({ goods, freight, tax }: CrossBorderFigures): FigureRow[] {
  return [
    { name: 'goods', value: goods, free: false },
    { name: 'freight', value: freight, free: freight.amount === 0 },
    { name: 'tax', value: tax, free: false },
  ];
}
