import type { CurrencyCode } from '../../../../functions/domain/money.js';
import { DEFAULT_CURRENCY, isChargeCurrency } from './currencies.js';

/**
 * The shopper's currency: the one prices are shown in first and the cart is charged in. One key in
 * localStorage for the header's picker, every price and the cart page alike; a change is announced
 * to this tab (CURRENCY_EVENT) and reaches other tabs through the storage event. Storage may be
 * blocked (private mode, policy): then it is the yuan, and a choice lasts for the page only.
 */
export const CURRENCY_STORAGE_KEY = 'sco-currency';
export const CURRENCY_EVENT = 'sco:currency';

/** Kept when storage is blocked, so the page that chose keeps the choice. */
let chosenHere: CurrencyCode | null = null;

export function preferredCurrency(): CurrencyCode {
  try {
    const stored = localStorage.getItem(CURRENCY_STORAGE_KEY) ?? '';
    return isChargeCurrency(stored) ? stored : DEFAULT_CURRENCY;
  } catch {
    // Blocked storage: what this page chose, or the yuan.
    return chosenHere ?? DEFAULT_CURRENCY;
  }
}

/** Remembers a choice (anything but a charge currency is ignored) and tells this tab's prices, picker and cart. */
export function rememberCurrency(currency: string): void {
  if (!isChargeCurrency(currency)) return;
  chosenHere = currency;
  try {
    localStorage.setItem(CURRENCY_STORAGE_KEY, currency);
  } catch {
    // This page only.
  }
  document.dispatchEvent(new CustomEvent<CurrencyCode>(CURRENCY_EVENT, { detail: currency }));
}

/** Calls `listener` with the new currency whenever it changes, here or in another tab. */
export function onCurrencyChange(listener: (currency: CurrencyCode) => void): void {
  document.addEventListener(CURRENCY_EVENT, (event) => listener((event as CustomEvent<CurrencyCode>).detail));
  addEventListener('storage', (event) => {
    if (event.key === CURRENCY_STORAGE_KEY) listener(preferredCurrency());
  });
}
