import type { FulfilmentMode } from './catalogue.js';
import { apportion, freightRatesOr, parcelFreight, type FreightRates } from './freight.js';
import { importTaxOn, importTaxRowFor, type ImportTaxRow } from './import-tax-rates.js';
import { convertExact, heldAmount, MAX_AMOUNT, type CurrencyCode, type ExchangeRate, type Money } from './money.js';
import type { PavilionCode } from './pavilion.js';
import { chargeIn, type ChargedLine, type PricedLine } from './pricing.js';

/**
 * What a cart costs delivered to China and cleared: goods, freight and import tax, the one
 * computation the cart shows, checkout charges, the order keeps and customs is told.
 *
 * Customs works in yuan, so freight and tax are worked out in CNY fen:
 *   1. Each line's goods value in CNY is its unit price converted and rounded once, times the quantity.
 *   2. Lines travel as one parcel per pavilion and fulfilment mode; a parcel's freight comes from its
 *      pavilion's rate for that mode and its weight, and is shared among its lines in proportion to
 *      their goods value (to the fen, the shares adding up exactly).
 *   3. A line's dutiable value is its goods plus its freight share; its tax is that value times the
 *      rate its HS code gives, rounded half-up to the fen, line by line.
 * In another charge currency the goods are converted unit by unit (as Stripe multiplies them) and
 * freight and tax are converted as two sums, so the total is exactly what the payment's line items add up to.
 */
export interface QuotedLine extends ChargedLine {
  /** The unit price and line value in CNY, as customs is told. */
  readonly unitPriceCny: Money;
  readonly goodsCny: Money;
  readonly freightCny: Money;
  readonly dutiableCny: Money;
  readonly taxCny: Money;
  readonly taxRow: ImportTaxRow;
}

export interface Parcel {
  readonly pavilion: PavilionCode;
  readonly mode: FulfilmentMode;
  readonly weightGrams: number;
  readonly freightCny: Money;
}

export interface CrossBorderQuote {
  readonly lines: readonly QuotedLine[];
  readonly parcels: readonly Parcel[];
  /** In the charge currency; total = goods + freight + tax. Held at MAX_AMOUNT when absurd. */
  readonly goods: Money;
  readonly freight: Money;
  readonly tax: Money;
  readonly total: Money;
  /** The same figures in yuan, and the dutiable value (goods + freight) China's limits count. */
  readonly cny: { readonly goods: Money; readonly freight: Money; readonly tax: Money; readonly dutiableValue: Money };
  /** Every rate the charge used, one per foreign currency (CNY→charge currency included when freight or tax needed it). */
  readonly rates: readonly ExchangeRate[];
}

type RateFor = (from: CurrencyCode, to: CurrencyCode) => ExchangeRate;

const cny = (amount: bigint | number): Money => ({ amount: heldAmount(BigInt(amount)), currency: 'CNY' });

export function quoteCrossBorder(
  lines: readonly PricedLine[],
  currency: CurrencyCode,
  freightRatesOf: (pavilion: PavilionCode) => FreightRates | undefined,
  rateFor: RateFor,
): CrossBorderQuote {
  const inCny = chargeIn(lines, 'CNY', rateFor).lines;
  const charged = chargeIn(lines, currency, rateFor);

  const parcels = parcelsOf(inCny, freightRatesOf);
  const freightShare = new Map<number, number>();
  for (const parcel of parcels) {
    const shares = apportion(parcel.freightCny.amount, parcel.lineIndexes.map((index) => inCny[index]?.chargedLineTotal.amount ?? 0));
    parcel.lineIndexes.forEach((index, position) => freightShare.set(index, shares[position] ?? 0));
  }

  let goodsCny = 0n;
  let freightCny = 0n;
  let taxCny = 0n;
  const quoted = charged.lines.map((line, index): QuotedLine => {
    const cnyLine = inCny[index] as ChargedLine;
    const freight = freightShare.get(index) ?? 0;
    const dutiable = cnyLine.chargedLineTotal.amount + freight;
    const taxRow = importTaxRowFor(line.hsCode);
    const tax = importTaxOn(Math.min(dutiable, MAX_AMOUNT), taxRow);
    goodsCny += BigInt(cnyLine.chargedLineTotal.amount);
    freightCny += BigInt(freight);
    taxCny += BigInt(tax);
    return {
      ...line,
      unitPriceCny: cnyLine.chargedUnitPrice,
      goodsCny: cnyLine.chargedLineTotal,
      freightCny: cny(freight),
      dutiableCny: cny(dutiable),
      taxCny: cny(tax),
      taxRow,
    };
  });

  const rates = [...charged.rates];
  let toCharge: (amount: bigint) => bigint = (amount) => amount;
  if (currency !== 'CNY') {
    const rate = rates.find((candidate) => candidate.from === 'CNY') ?? rateFor('CNY', currency);
    if ((freightCny > 0n || taxCny > 0n) && !rates.includes(rate)) rates.push(rate);
    toCharge = (amount) => convertExact({ amount: heldAmount(amount), currency: 'CNY' }, currency, rate);
  }
  const freight = toCharge(freightCny);
  const tax = toCharge(taxCny);
  const goods = BigInt(charged.total.amount);
  const inCharge = (amount: bigint): Money => ({ amount: heldAmount(amount), currency });

  return {
    lines: quoted,
    parcels: parcels.map(({ lineIndexes, ...parcel }) => parcel),
    goods: inCharge(goods),
    freight: inCharge(freight),
    tax: inCharge(tax),
    total: inCharge(goods + freight + tax),
    cny: { goods: cny(goodsCny), freight: cny(freightCny), tax: cny(taxCny), dutiableValue: cny(goodsCny + freightCny) },
    rates,
  };
}

/** One parcel per pavilion and fulfilment mode, in the order their first line appears. */
function parcelsOf(lines: readonly ChargedLine[], freightRatesOf: (pavilion: PavilionCode) => FreightRates | undefined) {
  const parcels = new Map<string, Parcel & { lineIndexes: number[] }>();
  lines.forEach((line, index) => {
    const key = `${line.pavilion}#${line.fulfilmentMode}`;
    const parcel = parcels.get(key) ?? { pavilion: line.pavilion, mode: line.fulfilmentMode, weightGrams: 0, freightCny: cny(0), lineIndexes: [] };
    parcel.lineIndexes.push(index);
    parcels.set(key, { ...parcel, weightGrams: parcel.weightGrams + line.weightGrams * line.quantity });
  });
  return [...parcels.values()].map((parcel) => {
    const rate = freightRatesOr(freightRatesOf(parcel.pavilion))[parcel.mode];
    return { ...parcel, freightCny: parcelFreight(parcel.weightGrams, rate) };
  });
}
