import { describe, expect, it } from 'vitest';
import { IMPORT_TAX_ROWS } from '../../functions/domain/import-tax-rates.js';
import { hsCodeStatus, unsellableReason } from '../../site/src/features/pavilion/hs-code-status.js';

describe('what the listing editor says beside the HS code', () => {
  it('says nothing until ten digits are typed, however they are written', () => {
    for (const typed of ['', '0409', '04090000000', 'honey', '0409-00-00-00']) expect(hsCodeStatus(typed), typed).toEqual({ kind: 'incomplete' });
  });

  it('gives the import tax a shopper pays on a code on the cross-border list, from the one table', () => {
    // Honey: 9% farm VAT × 0.7; jam: 13% × 0.7 (functions/domain/import-tax-rates.ts).
    expect(hsCodeStatus('0409000000')).toEqual({ kind: 'importable', ratePercent: 6.3 });
    expect(hsCodeStatus('2007999000')).toEqual({ kind: 'importable', ratePercent: 9.1 });
    // Written as brokers print it, or with full-width digits from a Chinese input method.
    expect(hsCodeStatus('0409.00.00.00')).toEqual({ kind: 'importable', ratePercent: 6.3 });
    expect(hsCodeStatus('０４０９００００００')).toEqual({ kind: 'importable', ratePercent: 6.3 });
  });

  it('warns about a code that is off the list or has no row at all: such a listing is saved but never sold', () => {
    // Fresh apples are off the list; a subheading off the list overrules its heading (fresh mangoes under dates and figs).
    expect(hsCodeStatus('0808100000')).toEqual({ kind: 'not_importable' });
    expect(hsCodeStatus('0804502000')).toEqual({ kind: 'not_importable' });
    expect(hsCodeStatus('0804100000')).toEqual({ kind: 'importable', ratePercent: 6.3 });
    // No row: not marked for cross-border retail.
    expect(hsCodeStatus('8703231900')).toEqual({ kind: 'not_importable' });
  });

  it('agrees with the table for every row', () => {
    for (const row of IMPORT_TAX_ROWS) {
      const code = row.prefix.padEnd(10, '0');
      expect(hsCodeStatus(code).kind, `${row.prefix} ${row.goods}`).toBe(row.positiveList ? 'importable' : 'not_importable');
    }
  });
});

describe('which listings the table marks as not sold in China', () => {
  it('marks a code off the list and a listing with no HS code, whatever the status, and nothing else', () => {
    expect(unsellableReason({ hsCode: '0409000000' })).toBeNull();
    expect(unsellableReason({ hsCode: '0808100000' })).toBe('not_importable');
    expect(unsellableReason({})).toBe('no_hs_code');
    expect(unsellableReason({ hsCode: '' })).toBe('no_hs_code');
  });
});
