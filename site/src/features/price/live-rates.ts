import type { RateBook } from '../../../../functions/domain/exchange-rates.js';
import { isRatesAnswer, rateBookOf } from './rates.js';

/**
 * The current rates from GET /api/rates, asked once per page (the answer is cacheable for five
 * minutes, so the browser's cache serves most pages). Null when the API cannot be reached or answers
 * oddly: the prices the build wrote stay.
 */
let asked: Promise<RateBook | null> | undefined;

export function liveRateBook(): Promise<RateBook | null> {
  asked ??= fetch('/api/rates', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : null))
    .then((body: unknown) => (isRatesAnswer(body) ? rateBookOf(body) : null))
    .catch(() => null);
  return asked;
}
