import { describe, expect, it } from 'vitest';
import { csvLanguageOf, signedDecimal, statementCsv } from '../../functions/http/statement-csv.js';
import type { Statement } from '../../functions/usecases/settlement.js';

const kgs = (amount: number) => ({ amount, currency: 'KGS' as const });
const statement = (entries: Statement['entries']): Statement => ({
  pavilion: 'KG', currency: 'KGS', from: '2026-11-01', to: '2026-11-30',
  opening: kgs(0), sales: kgs(0), refunds: kgs(0), commission: kgs(0), payouts: kgs(0), adjustments: kgs(0), closing: kgs(0),
  passThrough: { tax: kgs(0), freight: kgs(0) }, entries,
});

describe('a statement as CSV', () => {
  it('writes signed amounts exactly, in the major unit', () => {
    expect(signedDecimal(kgs(-64))).toBe('-0.64');
    expect(signedDecimal(kgs(-123_456))).toBe('-1234.56');
    expect(signedDecimal(kgs(5))).toBe('0.05');
  });

  it('has headers in the asker’s language and one row per entry', () => {
    const csv = statementCsv(statement([
      { entryId: 'ORD-1/paid/KG/1/sale', pavilion: 'KG', kind: 'sale', amount: kgs(240_038), charged: { amount: 19_488, currency: 'CNY' }, orderId: 'ORD-1', lineNo: 1, at: '2026-11-30T01:00:00.000Z' },
      { entryId: 'PAY-1/payout', pavilion: 'KG', kind: 'payout', amount: kgs(-100_000), at: '2026-11-30T02:00:00.000Z', reference: 'KICB-1', paidOn: '2026-11-30' },
    ]), 'zh');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('时间（UTC）,类型,订单,行,金额,币种,支付金额,支付币种,退款,参考号,原因');
    expect(rows[1]).toBe('2026-11-30T01:00:00.000Z,sale,ORD-1,1,2400.38,KGS,194.88,CNY,,,');
    expect(rows[2]).toBe('2026-11-30T02:00:00.000Z,payout,,,-1000.00,KGS,,,,KICB-1 2026-11-30,');
  });

  it('keeps an operator’s words from running as a spreadsheet formula', () => {
    const csv = statementCsv(statement([{ entryId: 'ADJ-1/adjustment', pavilion: 'KG', kind: 'adjustment', amount: kgs(5), at: '2026-11-30T02:00:00.000Z', reason: '=HYPERLINK("x")' }]), 'en');
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('takes the language from Accept-Language, English otherwise', () => {
    expect(csvLanguageOf('ru-RU,ru;q=0.9,en;q=0.5')).toBe('ru');
    expect(csvLanguageOf('de-DE, zh-CN;q=0.8')).toBe('zh');
    expect(csvLanguageOf(undefined)).toBe('en');
  });
});
