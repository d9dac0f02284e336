import type { CurrencyCode, ExchangeRate, Money } from './money.js';
import { convertExact } from './money.js';
import type { Order, OrderLine } from './order.js';
import type { PavilionCode } from './pavilion.js';
import { lineShares, type Refund } from './refund.js';

/**
 * Settlement: what each pavilion has earned and is owed, as an append-only ledger in the pavilion's
 * own currency, exact to the minor unit. The store collects every payment itself (Stripe Connect does
 * not reach most SCO countries) and pays each pavilion by bank transfer against a statement.
 *
 * Every money event that concerns a pavilion appends one ledger record (a group of entries) in the
 * same transaction that causes it: an order paid (adapters/dynamodb/order-store.ts), a refund
 * succeeding or a success reversed (adapters/dynamodb/refund-store.ts settle), an operator's payout or
 * adjustment (adapters/dynamodb/ledger-store.ts). The entries are decided here, written there.
 *
 * Signs: an entry's `amount` is its effect on what the store owes the pavilion (a sale +, a refund −,
 * commission −, commission given back +, a payout −, an adjustment either way). Tax and freight are
 * not the pavilion's money: their entries carry what was collected (+) or given back (−) and pass
 * through (balanceEffect 0), so a statement can show them without counting them.
 */

export const LEDGER_ENTRY_KINDS = [
  'sale', 'commission', 'tax', 'freight',
  'refund', 'return', 'commission_refund', 'tax_refund', 'freight_refund',
  'payout', 'adjustment',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** Collected for China's customs and the carrier, not for the pavilion: shown, never counted in its balance. */
export const PASS_THROUGH_KINDS: ReadonlySet<LedgerEntryKind> = new Set(['tax', 'freight', 'tax_refund', 'freight_refund']);

/** The seed's rate and every pavilion's until an operator sets one: 800 basis points = 8%. */
export const DEFAULT_COMMISSION_BP = 800;
export const MAX_COMMISSION_BP = 10_000;

/** Payouts (PAY-…) and adjustments (ADJ-…) have ids of their own, like orders and refunds. */
export const PAYOUT_ID = /^PAY-[0-9A-HJKMNP-TV-Z]{16}$/;
export const ADJUSTMENT_ID = /^ADJ-[0-9A-HJKMNP-TV-Z]{16}$/;

export interface LedgerEntry {
  /** Deterministic: the record's id and the entry's place in it (a retried write makes the same ids). */
  readonly entryId: string;
  readonly pavilion: PavilionCode;
  readonly kind: LedgerEntryKind;
  /** In the pavilion's currency, signed as described above; converted at the order's recorded rate. */
  readonly amount: Money;
  /** In the order's charge currency, same sign (absent for payouts and adjustments: no order). */
  readonly charged?: Money;
  readonly orderId?: string;
  readonly lineNo?: number;
  readonly refundId?: string;
  readonly at: string;
  /** Set on the entries that undo a refund's success (the provider failed it afterwards). */
  readonly reversal?: true;
  /** A payout's bank reference and the day the transfer was made. */
  readonly reference?: string;
  readonly paidOn?: string;
  /** An adjustment's reason (an operator's words). */
  readonly reason?: string;
}

export type LedgerCause = 'payment' | 'refund' | 'refund_reversal' | 'payout' | 'adjustment';

/** What one event appends for one pavilion: written as one item, its key made from recordId (idempotent). */
export interface LedgerRecord {
  readonly recordId: string;
  readonly pavilion: PavilionCode;
  readonly currency: CurrencyCode;
  readonly at: string;
  readonly cause: LedgerCause;
  readonly orderId?: string;
  readonly refundId?: string;
  readonly entries: readonly LedgerEntry[];
}

/** The store's commission on an amount, rounded half-up to the minor unit (symmetric for negatives). */
export function commissionOn(amount: number, bp: number): number {
  if (!Number.isInteger(bp) || bp < 0 || bp > MAX_COMMISSION_BP) throw new RangeError(`Not a commission rate: ${bp}`);
  const scaled = BigInt(Math.abs(amount)) * BigInt(bp);
  const rounded = Number((scaled * 2n + 10_000n) / 20_000n);
  return amount < 0 ? -rounded : rounded;
}

/**
 * An amount in the order's currency in the pavilion's, at the rate the order recorded for that
 * pavilion's currency (the inverse of pavilion → charge currency), exactly and half-up once.
 */
export function inPavilionCurrency(charged: Money, pavilionCurrency: CurrencyCode, rates: readonly ExchangeRate[]): Money {
  if (charged.currency === pavilionCurrency) return charged;
  const rate = rates.find((candidate) => candidate.from === pavilionCurrency && candidate.to === charged.currency);
  if (!rate) throw new RangeError(`The order recorded no rate ${pavilionCurrency}->${charged.currency}`);
  const inverse: ExchangeRate = { ...rate, from: charged.currency, to: pavilionCurrency, numerator: rate.denominator, denominator: rate.numerator };
  return { amount: Number(convertExact(charged, pavilionCurrency, inverse)), currency: pavilionCurrency };
}

type PaidOrder = Pick<Order, 'orderId' | 'currency' | 'total' | 'rates'> & Partial<Pick<Order, 'goods' | 'freight' | 'tax' | 'allowance'>>;
type PaidLine = Pick<OrderLine, 'lineNo' | 'pavilion' | 'quantity' | 'unitPrice' | 'chargedUnitPrice'> & Partial<Pick<OrderLine, 'freightCny' | 'taxCny' | 'dutiableCny'>>;

const signed = (value: Money, sign: 1 | -1): Money => ({ amount: value.amount === 0 ? 0 : sign * value.amount, currency: value.currency });

/** Groups a list by pavilion, keeping first-seen order. */
function byPavilion<T extends { readonly pavilion: PavilionCode }>(items: readonly T[]): Map<PavilionCode, T[]> {
  const groups = new Map<PavilionCode, T[]>();
  for (const item of items) groups.set(item.pavilion, [...(groups.get(item.pavilion) ?? []), item]);
  return groups;
}

/**
 * What an order's payment appends: for each pavilion in it one record, with for each of its lines
 * the sale (the pavilion's own price × quantity, no conversion), the commission on it at the
 * pavilion's rate, and the line's tax and freight passing through (charged in the order's currency,
 * shown in the pavilion's at the order's rate). Zero tax or freight appends nothing.
 */
export function paymentRecords(order: PaidOrder, lines: readonly PaidLine[], commissionBp: Readonly<Record<PavilionCode, number>>, at: string): LedgerRecord[] {
  const shares = new Map(lineShares(order, lines).map((share) => [share.lineNo, share]));
  return [...byPavilion(lines)].map(([pavilion, own]) => {
    const currency = own[0]!.unitPrice.currency;
    const bp = commissionBp[pavilion] ?? DEFAULT_COMMISSION_BP;
    const recordId = `${order.orderId}/paid/${pavilion}`;
    const entries: LedgerEntry[] = [];
    for (const line of own) {
      const share = shares.get(line.lineNo)!;
      const sale: Money = { amount: line.unitPrice.amount * line.quantity, currency };
      const base = { pavilion, orderId: order.orderId, lineNo: line.lineNo, at };
      const entry = (kind: LedgerEntryKind, amount: Money, charged: Money) =>
        entries.push({ ...base, entryId: `${recordId}/${line.lineNo}/${kind}`, kind, amount, charged });
      entry('sale', sale, share.goods);
      entry('commission', { amount: -commissionOn(sale.amount, bp), currency }, { amount: -commissionOn(share.goods.amount, bp), currency: order.currency });
      if (share.tax.amount !== 0) entry('tax', inPavilionCurrency(share.tax, currency, order.rates), share.tax);
      if (share.freight.amount !== 0) entry('freight', inPavilionCurrency(share.freight, currency, order.rates), share.freight);
    }
    return { recordId, pavilion, currency, at, cause: 'payment' as const, orderId: order.orderId, entries };
  });
}

type RefundedOrder = PaidOrder & Pick<Order, 'commissionBp'>;

/**
 * What a refund appends when it succeeds (`succeed`), or when a success is undone (`reverse`: the
 * same entries with the opposite sign). Per line: the goods back (kind `return` for a returned line),
 * the commission on them given back at the rate the sale was charged at, and the tax and freight given
 * back. The goods in the pavilion's currency are the sale itself when the whole of the line's goods
 * come back, else the same part of it (half-up); the commission on them is rounded as the sale's was,
 * so a full refund gives back exactly the commission taken. Lines paid before the ledger existed
 * (no recorded rate) append nothing: they never appended a sale.
 */
export function refundRecords(stored: { readonly order: RefundedOrder; readonly lines: readonly PaidLine[] }, refund: Pick<Refund, 'refundId' | 'cause' | 'lines'>, how: 'succeed' | 'reverse', at: string): LedgerRecord[] {
  const { order } = stored;
  const rates = order.commissionBp;
  if (!rates) return [];
  const shares = new Map(lineShares(order, stored.lines).map((share) => [share.lineNo, share]));
  const sign = how === 'succeed' ? 1 : -1;
  const lines = refund.lines.flatMap((refunded) => {
    const line = stored.lines.find((candidate) => candidate.lineNo === refunded.lineNo);
    return line && rates[line.pavilion] !== undefined ? [{ refunded, line, pavilion: line.pavilion }] : [];
  });
  return [...byPavilion(lines)].map(([pavilion, own]) => {
    const currency = own[0]!.line.unitPrice.currency;
    const bp = rates[pavilion]!;
    const recordId = `${refund.refundId}/${how === 'succeed' ? 'succeeded' : 'reversed'}/${pavilion}`;
    const entries: LedgerEntry[] = [];
    for (const { refunded, line } of own) {
      const share = shares.get(line.lineNo)!;
      const sale = line.unitPrice.amount * line.quantity;
      const goods = refunded.goods.amount === share.goods.amount || share.goods.amount === 0
        ? sale
        : Number((BigInt(sale) * BigInt(refunded.goods.amount) * 2n + BigInt(share.goods.amount)) / (2n * BigInt(share.goods.amount)));
      const base = {
        pavilion, orderId: order.orderId, lineNo: line.lineNo, refundId: refund.refundId, at,
        ...(how === 'reverse' ? { reversal: true as const } : {}),
      };
      const entry = (kind: LedgerEntryKind, amount: Money, charged: Money) =>
        entries.push({ ...base, entryId: `${recordId}/${line.lineNo}/${kind}`, kind, amount: signed(amount, sign), charged: signed(charged, sign) });
      entry(refund.cause === 'return' ? 'return' : 'refund', { amount: -goods, currency }, signed(refunded.goods, -1));
      entry('commission_refund', { amount: commissionOn(goods, bp), currency }, { amount: commissionOn(refunded.goods.amount, bp), currency: order.currency });
      if (refunded.tax.amount !== 0) entry('tax_refund', signed(inPavilionCurrency(refunded.tax, currency, order.rates), -1), signed(refunded.tax, -1));
      if (refunded.freight.amount !== 0) entry('freight_refund', signed(inPavilionCurrency(refunded.freight, currency, order.rates), -1), signed(refunded.freight, -1));
    }
    return {
      recordId, pavilion, currency, at, cause: how === 'succeed' ? ('refund' as const) : ('refund_reversal' as const),
      orderId: order.orderId, refundId: refund.refundId, entries,
    };
  });
}

/** What an entry does to the pavilion's balance: its amount, or nothing for money passing through. */
export function balanceEffect(entry: Pick<LedgerEntry, 'kind' | 'amount'>): number {
  return PASS_THROUGH_KINDS.has(entry.kind) ? 0 : entry.amount.amount;
}

/** The balance the entries leave: what the store owes the pavilion (negative: the pavilion owes the store). */
export function balanceOf(entries: readonly Pick<LedgerEntry, 'kind' | 'amount'>[]): number {
  return entries.reduce((sum, entry) => sum + balanceEffect(entry), 0);
}

export interface StatementFigures {
  readonly opening: Money;
  readonly sales: Money;
  /** Goods given back (refunds and returns), net of reversed ones. */
  readonly refunds: Money;
  /** Commission taken less commission given back with refunds. */
  readonly commission: Money;
  readonly payouts: Money;
  readonly adjustments: Money;
  readonly closing: Money;
  /** Collected and given back for others, shown, not counted. */
  readonly passThrough: { readonly tax: Money; readonly freight: Money };
}

/**
 * A statement's figures: closing = opening + sales − refunds − commission − payouts + adjustments,
 * exactly, because every entry's balance effect falls in exactly one of those figures.
 */
export function statementFigures(currency: CurrencyCode, opening: number, entries: readonly Pick<LedgerEntry, 'kind' | 'amount'>[]): StatementFigures {
  const sum = (...kinds: LedgerEntryKind[]) => entries.filter((entry) => kinds.includes(entry.kind)).reduce((total, entry) => total + entry.amount.amount, 0);
  const m = (amount: number): Money => ({ amount: amount === 0 ? 0 : amount, currency });
  const sales = sum('sale');
  const refunds = -sum('refund', 'return');
  const commission = -sum('commission', 'commission_refund');
  const payouts = -sum('payout');
  const adjustments = sum('adjustment');
  return {
    opening: m(opening),
    sales: m(sales),
    refunds: m(refunds),
    commission: m(commission),
    payouts: m(payouts),
    adjustments: m(adjustments),
    closing: m(opening + sales - refunds - commission - payouts + adjustments),
    passThrough: { tax: m(sum('tax', 'tax_refund')), freight: m(sum('freight', 'freight_refund')) },
  };
}

/** China Standard Time, UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The longest period one statement covers: a year and a day (a leap year's whole span). */
export const MAX_STATEMENT_DAYS = 366;

export interface Period {
  /** Calendar days in China time, both included. */
  readonly from: string;
  readonly to: string;
  /** The same period as UTC instants: [start, end). */
  readonly start: string;
  readonly end: string;
}

export type PeriodProblem = 'not_a_date' | 'to_before_from' | 'too_long';

function chinaMidnight(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return null;
  return utc - CHINA_OFFSET_MS;
}

/** Calendar days in China time, both included, as the UTC instants the ledger's keys are sorted by. */
export function periodOf(from: string, to: string): Period | PeriodProblem {
  const start = chinaMidnight(from);
  const last = chinaMidnight(to);
  if (start === null || last === null) return 'not_a_date';
  if (last < start) return 'to_before_from';
  if ((last - start) / 86_400_000 + 1 > MAX_STATEMENT_DAYS) return 'too_long';
  return { from, to, start: new Date(start).toISOString(), end: new Date(last + 86_400_000).toISOString() };
}

/** The calendar month in China time that an instant falls in: "2026-11". */
export function chinaMonthOf(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** A month ("2026-11") as its first and last day. */
export function monthDays(month: string): { readonly from: string; readonly to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Why an operator's payout or adjustment is refused. */
export type LedgerRefusal =
  | { readonly reason: 'over_balance'; readonly balance: Money }
  | { readonly reason: 'wrong_currency'; readonly currency: CurrencyCode }
  | { readonly reason: 'not_positive' }
  | { readonly reason: 'zero_adjustment' };

/** A payout is a positive amount in the pavilion's currency, never more than the balance it is paid from. */
export function decidePayout(balance: Money, amount: Money): LedgerRefusal | null {
  if (amount.currency !== balance.currency) return { reason: 'wrong_currency', currency: balance.currency };
  if (amount.amount <= 0) return { reason: 'not_positive' };
  if (amount.amount > balance.amount) return { reason: 'over_balance', balance };
  return null;
}

/** An adjustment moves the balance either way, never by nothing, in the pavilion's currency. */
export function decideAdjustment(currency: CurrencyCode, amount: Money): LedgerRefusal | null {
  if (amount.currency !== currency) return { reason: 'wrong_currency', currency };
  if (amount.amount === 0) return { reason: 'zero_adjustment' };
  return null;
}

export function payoutRecord(input: { readonly payoutId: string; readonly pavilion: PavilionCode; readonly amount: Money; readonly paidOn: string; readonly reference: string; readonly at: string }): LedgerRecord {
  const { payoutId, pavilion, amount, paidOn, reference, at } = input;
  return {
    recordId: payoutId, pavilion, currency: amount.currency, at, cause: 'payout',
    entries: [{ entryId: `${payoutId}/payout`, pavilion, kind: 'payout', amount: signed(amount, -1), at, paidOn, reference }],
  };
}

export function adjustmentRecord(input: { readonly adjustmentId: string; readonly pavilion: PavilionCode; readonly amount: Money; readonly reason: string; readonly at: string }): LedgerRecord {
  const { adjustmentId, pavilion, amount, reason, at } = input;
  return {
    recordId: adjustmentId, pavilion, currency: amount.currency, at, cause: 'adjustment',
    entries: [{ entryId: `${adjustmentId}/adjustment`, pavilion, kind: 'adjustment', amount, at, reason }],
  };
}
