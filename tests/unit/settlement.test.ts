import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMoney, type CurrencyCode, type ExchangeRate, type Money } from '../../functions/domain/money.js';
import type { Order, OrderLine } from '../../functions/domain/order.js';
import { lineShares, type Refund, type RefundLine } from '../../functions/domain/refund.js';
import {
  balanceEffect, balanceOf, chinaMonthOf, commissionOn, decideAdjustment, decidePayout, inPavilionCurrency, monthDays, paymentRecords, payoutRecord, periodOf,
  refundRecords, statementFigures, type LedgerEntry,
} from '../../functions/domain/settlement.js';

const m = (amount: number, currency: CurrencyCode): Money => ({ amount, currency });
const rate = (from: CurrencyCode, to: CurrencyCode, numerator: number, denominator: number): ExchangeRate => ({ from, to, numerator, denominator, asOf: '2026-11-30' });

type TestOrder = Pick<Order, 'orderId' | 'currency' | 'total' | 'goods' | 'freight' | 'tax' | 'rates'> & { commissionBp?: Record<string, number> };
type TestLine = Pick<OrderLine, 'lineNo' | 'pavilion' | 'quantity' | 'unitPrice' | 'chargedUnitPrice' | 'freightCny' | 'taxCny'>;

/** An order as checkout makes one: each line's price converted at the order's rate, freight and tax charged as two sums. */
function anOrder(orderId: string, currency: CurrencyCode, lines: readonly { pavilion: string; currency: CurrencyCode; unit: number; quantity: number; freightCny: number; taxCny: number }[], rates: readonly ExchangeRate[], freight: number, tax: number) {
  const built: TestLine[] = lines.map((line, index) => {
    const unitPrice = m(line.unit, line.currency);
    const r = rates.find((candidate) => candidate.from === line.currency && candidate.to === currency);
    return {
      lineNo: index + 1, pavilion: line.pavilion, quantity: line.quantity, unitPrice,
      chargedUnitPrice: r ? convertMoney(unitPrice, currency, r) : unitPrice,
      freightCny: m(line.freightCny, 'CNY'), taxCny: m(line.taxCny, 'CNY'),
    };
  });
  const goods = built.reduce((sum, line) => sum + line.chargedUnitPrice.amount * line.quantity, 0);
  const order: TestOrder = { orderId, currency, goods: m(goods, currency), freight: m(freight, currency), tax: m(tax, currency), total: m(goods + freight + tax, currency), rates };
  return { order, lines: built };
}

/** A refund of whole lines, as domain/refund.ts planOf makes one (goods + exact shares of freight and tax). */
function aRefund(refundId: string, stored: { order: TestOrder; lines: readonly TestLine[] }, lineNos: readonly number[], cause: Refund['cause'] = 'operator') {
  const shares = lineShares(stored.order, stored.lines);
  const lines: RefundLine[] = lineNos.map((lineNo) => {
    const share = shares.find((candidate) => candidate.lineNo === lineNo)!;
    return { lineNo, productId: 'p', quantity: 1, goods: share.goods, freight: share.freight, tax: share.tax, amount: share.amount, allowanceBack: m(0, 'CNY'), units: 'none' };
  });
  return { refundId, cause, lines };
}

describe('commission', () => {
  it.each([
    [1, 800, 0], [6, 800, 0], [7, 800, 1], [19, 800, 2], [625, 800, 50], [25, 200, 1], [75, 200, 2], [120_000, 800, 9_600], [-19, 800, -2],
  ])('on %i minor units at %i bp is %i, rounded half-up', (amount, bp, expected) => {
    expect(commissionOn(amount, bp)).toBe(expected);
  });

  it('refuses a rate outside 0..10000 bp', () => {
    expect(() => commissionOn(100, 10_001)).toThrow(RangeError);
    expect(() => commissionOn(100, 1.5)).toThrow(RangeError);
  });
});

describe('an amount in the order’s currency, in the pavilion’s', () => {
  it('uses the inverse of the rate the order recorded, half-up once', () => {
    // 1 tyiyn = 0.000812 fen... as checkout records it: KGS -> CNY 203/2500.
    const rates = [rate('KGS', 'CNY', 203, 2500)];
    expect(inPavilionCurrency(m(203, 'CNY'), 'KGS', rates)).toEqual(m(2500, 'KGS'));
    expect(inPavilionCurrency(m(1, 'CNY'), 'KGS', rates)).toEqual(m(12, 'KGS')); // 12.3152… → 12
    expect(inPavilionCurrency(m(500, 'KGS'), 'KGS', [])).toEqual(m(500, 'KGS'));
    expect(() => inPavilionCurrency(m(1, 'USD'), 'KGS', rates)).toThrow(RangeError);
  });
});

describe('what a payment appends', () => {
  const stored = anOrder('ORD-A', 'CNY', [
    { pavilion: 'KG', currency: 'KGS', unit: 65_000, quantity: 2, freightCny: 2_800, taxCny: 857 },
    { pavilion: 'RU', currency: 'RUB', unit: 45_000, quantity: 1, freightCny: 1_400, taxCny: 400 },
    { pavilion: 'KG', currency: 'KGS', unit: 19, quantity: 1, freightCny: 0, taxCny: 0 },
  ], [rate('KGS', 'CNY', 203, 2500), rate('RUB', 'CNY', 111, 1250)], 4_200, 1_257);

  it('one record per pavilion: each line’s sale in the pavilion’s own price, its commission, its tax and freight passing through', () => {
    const records = paymentRecords(stored.order, stored.lines, { KG: 800, RU: 500 }, '2026-11-30T01:00:00.000Z');
    expect(records.map((record) => [record.pavilion, record.currency, record.recordId])).toEqual([['KG', 'KGS', 'ORD-A/paid/KG'], ['RU', 'RUB', 'ORD-A/paid/RU']]);
    const kg = records[0]!.entries;
    expect(kg.filter((entry) => entry.lineNo === 1).map((entry) => entry.kind)).toEqual(['sale', 'commission', 'tax', 'freight']);
    expect(kg.find((entry) => entry.kind === 'sale' && entry.lineNo === 1)!.amount).toEqual(m(130_000, 'KGS'));
    expect(kg.find((entry) => entry.kind === 'commission' && entry.lineNo === 1)!.amount).toEqual(m(-10_400, 'KGS'));
    expect(kg.find((entry) => entry.kind === 'commission' && entry.lineNo === 3)!.amount).toEqual(m(-2, 'KGS'));
    // No tax or freight on line 3: nothing appended for them.
    expect(kg.filter((entry) => entry.lineNo === 3).map((entry) => entry.kind)).toEqual(['sale', 'commission']);
    expect(records[1]!.entries.find((entry) => entry.kind === 'commission')!.amount).toEqual(m(-2_250, 'RUB'));
    // Charged figures add up to what was received.
    const charged = records.flatMap((record) => record.entries).reduce((sum, entry) => sum + (entry.kind === 'commission' ? 0 : entry.charged!.amount), 0);
    expect(charged).toBe(stored.order.total.amount);
  });

  it('makes the same ids for the same payment (a retried write appends nothing new)', () => {
    const a = paymentRecords(stored.order, stored.lines, { KG: 800, RU: 500 }, '2026-11-30T01:00:00.000Z');
    const b = paymentRecords(stored.order, stored.lines, { KG: 800, RU: 500 }, '2026-11-30T01:00:00.000Z');
    expect(a).toEqual(b);
    expect(new Set(a.flatMap((record) => record.entries.map((entry) => entry.entryId))).size).toBe(a.flatMap((record) => record.entries).length);
  });

  it('a full refund gives back exactly the commission taken, and a reversal undoes it', () => {
    const paid = { order: { ...stored.order, commissionBp: { KG: 800, RU: 500 } }, lines: stored.lines };
    const sale = paymentRecords(paid.order, paid.lines, { KG: 800, RU: 500 }, '2026-11-30T01:00:00.000Z');
    const refund = refundRecords(paid, aRefund('RFD-1', paid, [1, 2, 3]), 'succeed', '2026-11-30T02:00:00.000Z');
    const all = [...sale, ...refund].flatMap((record) => record.entries);
    for (const pavilion of ['KG', 'RU']) {
      const own = all.filter((entry) => entry.pavilion === pavilion);
      expect(balanceOf(own)).toBe(0);
      expect(own.filter((entry) => entry.kind === 'tax' || entry.kind === 'tax_refund').reduce((sum, entry) => sum + entry.amount.amount, 0)).toBe(0);
    }
    const reversal = refundRecords(paid, aRefund('RFD-1', paid, [1]), 'reverse', '2026-11-30T03:00:00.000Z');
    expect(reversal[0]!.entries.every((entry) => entry.reversal)).toBe(true);
    expect(balanceOf(reversal[0]!.entries)).toBe(130_000 - 10_400);
  });

  it('a returned line is a return; lines paid before the ledger existed append nothing', () => {
    const paid = { order: { ...stored.order, commissionBp: { KG: 800, RU: 500 } }, lines: stored.lines };
    expect(refundRecords(paid, aRefund('RFD-2', paid, [2], 'return'), 'succeed', '2026-11-30T02:00:00.000Z')[0]!.entries[0]!.kind).toBe('return');
    expect(refundRecords(stored, aRefund('RFD-3', stored, [2]), 'succeed', '2026-11-30T02:00:00.000Z')).toEqual([]);
  });
});

describe('a statement', () => {
  it('closes at opening + sales − refunds − commission − payouts + adjustments, tax and freight passing through', () => {
    const e = (kind: LedgerEntry['kind'], amount: number) => ({ kind, amount: m(amount, 'KGS') });
    const entries = [e('sale', 130_000), e('commission', -10_400), e('tax', 10_554), e('freight', 34_483), e('refund', -130_000), e('commission_refund', 10_400), e('tax_refund', -10_554), e('payout', -5_000), e('adjustment', 250), e('return', -19), e('commission_refund', 2)];
    const figures = statementFigures('KGS', 1_000, entries);
    expect(figures).toMatchObject({
      opening: m(1_000, 'KGS'), sales: m(130_000, 'KGS'), refunds: m(130_019, 'KGS'), commission: m(-2, 'KGS'), payouts: m(5_000, 'KGS'), adjustments: m(250, 'KGS'),
      passThrough: { tax: m(0, 'KGS'), freight: m(34_483, 'KGS') },
    });
    expect(figures.closing.amount).toBe(1_000 + balanceOf(entries));
    expect(figures.closing.amount).toBe(1_000 + 130_000 - 130_019 - -2 - 5_000 + 250);
  });

  it('covers calendar days in China time (UTC+8)', () => {
    expect(periodOf('2026-11-01', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' });
    expect(chinaMonthOf('2026-11-30T15:59:59.999Z')).toBe('2026-11');
    expect(chinaMonthOf('2026-11-30T16:00:00.000Z')).toBe('2026-12');
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('2026-02-30', '2026-03-01')).toBe('not_a_date');
    expect(periodOf('2026-03-02', '2026-03-01')).toBe('to_before_from');
    expect(periodOf('2025-01-01', '2026-03-01')).toBe('too_long');
  });

  it('a payout cannot exceed the balance, and is in the pavilion’s currency', () => {
    expect(decidePayout(m(100, 'KGS'), m(100, 'KGS'))).toBeNull();
    expect(decidePayout(m(100, 'KGS'), m(101, 'KGS'))).toEqual({ reason: 'over_balance', balance: m(100, 'KGS') });
    expect(decidePayout(m(100, 'KGS'), m(0, 'KGS'))).toEqual({ reason: 'not_positive' });
    expect(decidePayout(m(100, 'KGS'), m(1, 'RUB'))).toEqual({ reason: 'wrong_currency', currency: 'KGS' });
    expect(decideAdjustment('KGS', m(0, 'KGS'))).toEqual({ reason: 'zero_adjustment' });
    expect(decideAdjustment('KGS', m(-5, 'KGS'))).toBeNull();
  });
});

/** Pavilions and their currencies; each converts to every charge currency at a rate the generator picks. */
const PAVILIONS: readonly { code: string; currency: CurrencyCode }[] = [
  { code: 'KG', currency: 'KGS' }, { code: 'RU', currency: 'RUB' }, { code: 'KZ', currency: 'KZT' }, { code: 'CN', currency: 'CNY' }, { code: 'UZ', currency: 'UZS' },
];
const CHARGE: readonly CurrencyCode[] = ['CNY', 'USD', 'HKD', 'KGS'];

const lineArb = fc.record({
  pavilion: fc.integer({ min: 0, max: PAVILIONS.length - 1 }),
  unit: fc.integer({ min: 1, max: 5_000_000 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  freightCny: fc.integer({ min: 0, max: 10_000 }),
  taxCny: fc.integer({ min: 0, max: 5_000 }),
});
const orderArb = fc.record({
  charge: fc.constantFrom(...CHARGE),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  // Rates as checkout records them: minor units of the charge currency per minor unit of the pavilion's.
  rates: fc.array(fc.record({ numerator: fc.integer({ min: 1, max: 99_999 }), denominator: fc.integer({ min: 1, max: 999_999 }) }), { minLength: PAVILIONS.length, maxLength: PAVILIONS.length }),
  freight: fc.integer({ min: 0, max: 50_000 }),
  tax: fc.integer({ min: 0, max: 20_000 }),
  // What happens after: nothing, refunds of some lines (each line at most once), a return, a success reversed, a replay.
  refunds: fc.array(fc.record({ lines: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }), returned: fc.boolean(), reversed: fc.boolean(), replayed: fc.boolean() }), { maxLength: 3 }),
});
const historyArb = fc.record({
  orders: fc.array(orderArb, { minLength: 1, maxLength: 40 }),
  bp: fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: PAVILIONS.length, maxLength: PAVILIONS.length }),
  payouts: fc.array(fc.record({ pavilion: fc.integer({ min: 0, max: PAVILIONS.length - 1 }), share: fc.integer({ min: 0, max: 100 }) }), { maxLength: 8 }),
});

describe('conservation (property, pure arithmetic)', () => {
  it('for every pavilion the ledger equals its paid lines less refunds, commission and payouts; across all, money received = shares + commission + tax and freight + refunds', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const commissionBp = Object.fromEntries(PAVILIONS.map((pavilion, i) => [pavilion.code, history.bp[i]!]));
        const appended = new Map<string, LedgerEntry[]>(); // by record id: a replayed write lands on the same key
        const append = (records: ReturnType<typeof paymentRecords>) => { for (const record of records) if (!appended.has(record.recordId)) appended.set(record.recordId, [...record.entries]); };
        const expected = new Map<string, number>(PAVILIONS.map((pavilion) => [pavilion.code, 0]));
        const received = new Map<CurrencyCode, number>();
        const refunded = new Map<CurrencyCode, number>();
        history.orders.forEach((generated, o) => {
          const rates = PAVILIONS.filter((pavilion) => pavilion.currency !== generated.charge).map((pavilion) => {
            const r = generated.rates[PAVILIONS.indexOf(pavilion)]!;
            return rate(pavilion.currency, generated.charge, r.numerator, r.denominator);
          });
          const stored = anOrder(`ORD-${o}`, generated.charge, generated.lines.map((line) => ({ ...line, pavilion: PAVILIONS[line.pavilion]!.code, currency: PAVILIONS[line.pavilion]!.currency })), rates, generated.freight, generated.tax);
          const paid = { order: { ...stored.order, commissionBp }, lines: stored.lines };
          append(paymentRecords(paid.order, paid.lines, commissionBp, `2026-11-${String(o % 28 + 1).padStart(2, '0')}T00:00:00.000Z`));
          received.set(generated.charge, (received.get(generated.charge) ?? 0) + stored.order.total.amount);
          const kept = new Set(stored.lines.map((line) => line.lineNo));
          generated.refunds.forEach((generatedRefund, r) => {
            const lineNos = generatedRefund.lines.filter((lineNo) => kept.has(lineNo));
            if (lineNos.length === 0) return;
            const refund = aRefund(`RFD-${o}-${r}`, stored, lineNos, generatedRefund.returned ? 'return' : 'operator');
            for (let times = generatedRefund.replayed ? 2 : 1; times > 0; times--) append(refundRecords(paid, refund, 'succeed', '2026-11-29T00:00:00.000Z'));
            if (generatedRefund.reversed) {
              append(refundRecords(paid, refund, 'reverse', '2026-11-29T01:00:00.000Z'));
              return; // the lines stay sold (a failed refund may be replaced later)
            }
            for (const lineNo of lineNos) kept.delete(lineNo);
            refunded.set(generated.charge, (refunded.get(generated.charge) ?? 0) + refund.lines.reduce((sum, line) => sum + line.amount.amount, 0));
          });
          // Independently of the ledger: each kept line's own price, less the commission on it.
          for (const line of stored.lines.filter((candidate) => kept.has(candidate.lineNo))) {
            const sale = line.unitPrice.amount * line.quantity;
            expected.set(line.pavilion, expected.get(line.pavilion)! + sale - commissionOn(sale, commissionBp[line.pavilion]!));
          }
        });
        for (const payout of history.payouts) {
          const pavilion = PAVILIONS[payout.pavilion]!;
          const balance = balanceOf([...appended.values()].flat().filter((entry) => entry.pavilion === pavilion.code));
          const amount = Math.floor((Math.max(0, balance) * payout.share) / 100);
          if (decidePayout(m(balance, pavilion.currency), m(amount, pavilion.currency))) continue;
          append([payoutRecord({ payoutId: `PAY-${appended.size}`, pavilion: pavilion.code, amount: m(amount, pavilion.currency), paidOn: '2026-11-30', reference: `ref-${appended.size}`, at: '2026-11-30T00:00:00.000Z' })]);
          expected.set(pavilion.code, expected.get(pavilion.code)! - amount);
        }
        const entries = [...appended.values()].flat();
        for (const pavilion of PAVILIONS) {
          const own = entries.filter((entry) => entry.pavilion === pavilion.code);
          expect(own.every((entry) => entry.amount.currency === pavilion.currency)).toBe(true);
          expect(balanceOf(own)).toBe(expected.get(pavilion.code));
          const figures = statementFigures(pavilion.currency, 0, own);
          expect(figures.closing.amount).toBe(figures.sales.amount - figures.refunds.amount - figures.commission.amount - figures.payouts.amount + figures.adjustments.amount);
        }
        for (const currency of CHARGE) {
          const charged = entries.filter((entry) => entry.charged?.currency === currency);
          const total = (kinds: LedgerEntry['kind'][]) => charged.filter((entry) => kinds.includes(entry.kind)).reduce((sum, entry) => sum + entry.charged!.amount, 0);
          const shares = total(['sale', 'refund', 'return', 'commission', 'commission_refund']);
          const commission = -total(['commission', 'commission_refund']);
          const passThrough = total(['tax', 'freight', 'tax_refund', 'freight_refund']);
          expect(received.get(currency) ?? 0).toBe(shares + commission + passThrough + (refunded.get(currency) ?? 0));
        }
        expect(entries.every((entry) => balanceEffect(entry) === 0 || !['tax', 'freight', 'tax_refund', 'freight_refund'].includes(entry.kind))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
