import { effectiveRatePercent, importTaxRowFor } from '../../../../functions/domain/import-tax-rates.js';
import { unavailableReason } from '../../../../functions/domain/pricing.js';

/**
 * Whether a product page may offer the product to a shopper in China, worked out at build time from
 * the listing's HS code by the domain's one table (functions/domain/import-tax-rates.ts): importable,
 * with the cross-border import tax rate it pays; or not, and why.
 */
export type ImportStatus =
  | { readonly kind: 'importable'; readonly ratePercent: number }
  | { readonly kind: 'not_importable' }
  | { readonly kind: 'no_hs_code' };

/** The page is built from the active catalogue, so only the HS code can stop a product from being sold. */
export function importStatusOf(hsCode: string | undefined): ImportStatus {
  const code = hsCode ?? '';
  const reason = unavailableReason({ status: 'active', hsCode: code });
  if (reason === 'no_hs_code' || reason === 'not_importable') return { kind: reason };
  return { kind: 'importable', ratePercent: effectiveRatePercent(importTaxRowFor(code)) };
}

/** A rate such as 6.3 as the locale writes a percentage: 6.3% (zh, en), 6,3 % (ru). */
export function ratePercentText(ratePercent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratePercent / 100);
}
