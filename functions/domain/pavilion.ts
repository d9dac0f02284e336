import type { FreightRates } from './freight.js';
import type { CurrencyCode } from './money.js';
import type { Localized } from './languages.js';

/** ISO 3166-1 alpha-2 code of the pavilion's country, upper case (KG, RU, EG ...). */
export type PavilionCode = string;

/** SCO standing: full member, observer, or dialogue partner (the expo also hosted guests). */
export type ScoStanding = 'member' | 'observer' | 'partner' | 'guest';

export interface Pavilion {
  readonly code: PavilionCode;
  readonly name: Localized;
  readonly tagline: Localized;
  /** The currency the pavilion prices its listings in. */
  readonly currency: CurrencyCode;
  readonly standing: ScoStanding;
  /** The pavilion's own identity on the site: two colours drawn from its flag. */
  readonly colors: { readonly primary: string; readonly accent: string };
  readonly flag: string;
  /** What the pavilion charges for freight to China per fulfilment mode; DEFAULT_FREIGHT_RATES until its manager sets them. */
  readonly freightRates?: FreightRates;
  /** Set by an operator (usecases/operator-pavilions.ts): its managers are refused and its products not sold until reinstated. */
  readonly suspension?: PavilionSuspension;
}

export interface PavilionSuspension {
  readonly at: string;
  /** The operator's token subject. */
  readonly by: string;
  readonly reason: string;
}

export const isSuspended = (pavilion: Pick<Pavilion, 'suspension'> | null | undefined): boolean => Boolean(pavilion?.suspension);

export const PAVILION_CODE = /^[A-Z]{2}$/;
