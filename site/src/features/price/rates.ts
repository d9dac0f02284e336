import { rateBook, ratio, ratioText, type CnyRate, type RateBook } from '../../../../functions/domain/exchange-rates.js';
import { isCurrency, minorUnitExponent } from '../../../../functions/domain/money.js';

/**
 * The rates as GET /api/rates answers them and the site build stores them in its snapshot
 * (functions/http/schemas/rates.ts, infra/site-build/catalogue-snapshot.ts): each currency's exact
 * fraction of CNY minor units per minor unit. Only the fields a conversion needs.
 */
export interface RatesAnswer {
  readonly asOf: string;
  readonly source: string;
  readonly loadedAt: string;
  readonly rates: readonly {
    readonly currency: string;
    readonly numerator: number;
    readonly denominator: number;
    readonly asOf: string;
    readonly source?: string;
  }[];
}

const positiveWhole = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;

/** Whether a parsed JSON body has the shape of RatesAnswer (a proxy's error page, say, does not). */
export function isRatesAnswer(value: unknown): value is RatesAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.asOf === 'string' &&
    typeof body.source === 'string' &&
    typeof body.loadedAt === 'string' &&
    Array.isArray(body.rates) &&
    body.rates.every((rate: unknown) => {
      const entry = (rate ?? {}) as Record<string, unknown>;
      return typeof entry.currency === 'string' && positiveWhole(entry.numerator) && positiveWhole(entry.denominator) && typeof entry.asOf === 'string';
    })
  );
}

/**
 * The domain's rate book (functions/domain/exchange-rates.ts) over these rates, so the site converts
 * exactly as the cart and checkout do: cross rates derived exactly, rounded half-up once
 * (functions/domain/money.ts convertExact). Null when the rates cannot make one.
 */
export function rateBookOf(answer: RatesAnswer | null | undefined): RateBook | null {
  if (!answer) return null;
  try {
    const rates = answer.rates.flatMap((rate): CnyRate[] => {
      if (!isCurrency(rate.currency)) return [];
      // CNY minor units per minor unit of the currency, as yuan per one unit of it.
      const yuanPerUnit = ratio(
        BigInt(rate.numerator) * 10n ** BigInt(minorUnitExponent(rate.currency)),
        BigInt(rate.denominator) * 10n ** BigInt(minorUnitExponent('CNY')),
      );
      return [{ currency: rate.currency, yuanPerUnit: ratioText(yuanPerUnit), asOf: rate.asOf, source: rate.source ?? answer.source }];
    });
    return rateBook({ asOf: answer.asOf, source: answer.source, loadedAt: answer.loadedAt, rates });
  } catch {
    return null;
  }
}
