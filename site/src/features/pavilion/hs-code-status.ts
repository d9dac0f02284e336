import { normalizeHsCode } from '../../../../functions/domain/catalogue.js';
import { effectiveRatePercent, importTaxRowFor } from '../../../../functions/domain/import-tax-rates.js';
import { unavailableReason } from '../../../../functions/domain/pricing.js';

/**
 * What an HS code means for selling in China, as the manager types it: the same rules the cart
 * applies (domain/pricing.ts unavailableReason, over domain/import-tax-rates.ts), so the editor
 * warns about exactly the listings the storefront will not sell. A listing under a code that is
 * not on China's cross-border positive list can be saved, but no shopper in China can buy it.
 */
export type HsCodeStatus =
  /** Not ten digits yet: the field's own error says so on saving. */
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'not_importable' }
  /** On the list: the import tax a shopper pays on the goods and their freight, in percent (6.3 for honey). */
  | { readonly kind: 'importable'; readonly ratePercent: number };

export function hsCodeStatus(typed: string): HsCodeStatus {
  const hsCode = normalizeHsCode(typed);
  const reason = unavailableReason({ status: 'active', hsCode });
  if (reason === 'no_hs_code') return { kind: 'incomplete' };
  if (reason === 'not_importable') return { kind: 'not_importable' };
  return { kind: 'importable', ratePercent: effectiveRatePercent(importTaxRowFor(hsCode)) };
}

/** Why a listing will not sell in China whatever its status says (null: its HS code is fine). */
export function unsellableReason(listing: { readonly hsCode?: string }): 'no_hs_code' | 'not_importable' | null {
  const reason = unavailableReason({ status: 'active', hsCode: listing.hsCode ?? '' });
  return reason === 'no_hs_code' || reason === 'not_importable' ? reason : null;
}
