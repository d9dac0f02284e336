import type { Money } from '../../../../functions/domain/money.js';
import { setOwnPrice } from '../price/price-island.js';
import { STOCK_TONES, stockLevel, stockText } from './stock-status.js';

/**
 * The product page is built at publish time; stock and price can change by the minute.
 * This island asks the API once when the page opens and updates both lines. If the API
 * is unreachable or answers oddly, the built values stay: they were true at publish time.
 */
interface LiveFacts {
  readonly id: string;
  readonly stock: number;
  readonly price: Money;
}

function isLiveFacts(value: unknown): value is LiveFacts {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as { id?: unknown; stock?: unknown; price?: { amount?: unknown; currency?: unknown } };
  return (
    typeof body.id === 'string' &&
    Number.isSafeInteger(body.stock) &&
    typeof body.price === 'object' &&
    body.price !== null &&
    Number.isSafeInteger(body.price.amount) &&
    typeof body.price.currency === 'string'
  );
}

async function fetchFacts(id: string): Promise<LiveFacts | null> {
  try {
    const response = await fetch(`/api/products/${encodeURIComponent(id)}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return isLiveFacts(body) && body.id === id ? body : null;
  } catch {
    return null;
  }
}

function render(root: HTMLElement, facts: LiveFacts): void {
  const locale = root.dataset.locale ?? 'en-GB';
  // The price component (components/Price.astro) converts the pavilion's price to the shopper's currency.
  const priceLine = root.querySelector<HTMLElement>('[data-price]');
  if (priceLine) setOwnPrice(priceLine, facts.price);
  const stockLine = root.querySelector<HTMLElement>('[data-testid="stock"]');
  if (stockLine) {
    const texts = { in: stockLine.dataset.textIn ?? '', low: stockLine.dataset.textLow ?? '', out: stockLine.dataset.textOut ?? '' };
    const count = new Intl.NumberFormat(locale);
    stockLine.querySelector('[data-stock-text]')!.textContent = stockText(facts.stock, texts, (n) => count.format(n));
    stockLine.dataset.stock = String(facts.stock);
    stockLine.dataset.tone = STOCK_TONES[stockLevel(facts.stock)];
  }
  root.dataset.live = 'true';
  // The cart island (and anything else) can follow live facts without fetching again.
  root.dispatchEvent(new CustomEvent('sco:product-live', { bubbles: true, detail: facts }));
}

for (const root of document.querySelectorAll<HTMLElement>('[data-live-product]')) {
  const id = root.dataset.liveProduct;
  if (!id) continue;
  void fetchFacts(id).then((facts) => {
    if (facts) render(root, facts);
    else root.dataset.live = 'unavailable';
  });
}
