import { describe, expect, it } from 'vitest';
import { columnForField, parseDecimal, planImport, readImportRow, TEMPLATE_EXAMPLE, importTemplateCsv } from '../../functions/domain/listing-import.js';
import { contentOf, isCalendarDate, listingRuleIssues, newListing, onHand, sameContent } from '../../functions/domain/listing.js';
import { planStockChange } from '../../functions/domain/stock.js';
import { aProduct } from '../fixtures/products.js';

describe('listing rules', () => {
  it('count on hand as free stock plus units held by checkouts', () => {
    expect(onHand({ stock: 7, reserved: 3 })).toBe(10);
  });

  it('price a listing only in its pavilion’s currency', () => {
    const content = contentOf(aProduct());
    expect(listingRuleIssues(content, { currency: 'KGS' })).toEqual([]);
    expect(listingRuleIssues({ ...content, price: { amount: 100, currency: 'CNY' } }, { currency: 'KGS' })).toEqual([
      { field: 'price.currency', message: 'the pavilion prices in KGS' },
    ]);
  });

  it('accept only real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
  });

  it('accept only images served from our own /media/, never a path that climbs out', () => {
    const content = contentOf(aProduct());
    const issues = listingRuleIssues({ ...content, images: ['/media/products/kg-a/1.png', 'http://x/y.png', '/media/../secret.png', '//evil/x.png'] }, { currency: 'KGS' });
    expect(issues.map((issue) => issue.field)).toEqual(['images.1', 'images.2', 'images.3']);
  });

  it('see two listings as the same content whatever order their keys come in', () => {
    const content = contentOf(aProduct());
    const reordered = { ...content, title: { en: content.title.en, ru: content.title.ru, zh: content.title.zh } };
    expect(sameContent(content, reordered)).toBe(true);
    expect(sameContent(content, { ...content, weightGrams: content.weightGrams + 1 })).toBe(false);
  });

  it('open a new listing active, at version 1, with nothing reserved or sold', () => {
    const listing = newListing('KG', 'Jam-1', contentOf(aProduct()), '2026-01-01T00:00:00.000Z', 5);
    expect(listing).toMatchObject({ id: 'kg-jam-1', status: 'active', version: 1, stock: 5, reserved: 0, sold: 0 });
  });
});

describe('stock changes', () => {
  it('turn a count of units on hand into a change of free stock', () => {
    expect(planStockChange({ stock: 8, reserved: 2 }, { kind: 'set', onHand: 15 })).toEqual({ ok: true, delta: 5 });
    expect(planStockChange({ stock: 8, reserved: 2 }, { kind: 'set', onHand: 2 })).toEqual({ ok: true, delta: -8 });
  });

  it('never put on hand below what checkouts have reserved', () => {
    expect(planStockChange({ stock: 1, reserved: 4 }, { kind: 'set', onHand: 3 })).toMatchObject({ ok: false, problem: 'below_reserved' });
    expect(planStockChange({ stock: 1, reserved: 4 }, { kind: 'adjust', delta: -2 })).toMatchObject({ ok: false, problem: 'below_reserved' });
  });

  it('catch a slip of the keyboard (a million units and more)', () => {
    expect(planStockChange({ stock: 0, reserved: 0 }, { kind: 'adjust', delta: 1_000_001 })).toMatchObject({ ok: false, problem: 'above_maximum' });
  });
});

describe('CSV import rows', () => {
  it('convert decimal prices to minor units exactly, without floats', () => {
    expect(parseDecimal('650.50', 2)).toBe(65_050);
    expect(parseDecimal('0.29', 2)).toBe(29);
    expect(parseDecimal('1234', 2)).toBe(123_400);
    expect(parseDecimal('1.005', 2)).toBeNull();
    expect(parseDecimal('6,50', 2)).toBeNull();
    expect(parseDecimal('-1', 2)).toBeNull();
    expect(parseDecimal('12', 0)).toBe(12);
  });

  it('read the template’s example row into a complete listing', () => {
    const row = readImportRow(TEMPLATE_EXAMPLE, 2, 'KGS');
    expect(row.issues).toEqual([]);
    expect(row.onHand).toBe(120);
    expect(row.content).toMatchObject({
      price: { amount: 65_000, currency: 'KGS' },
      weightGrams: 560,
      fulfilment: { mode: 'direct_rail', leadTimeDays: 14 },
      hsCode: '0409000000',
      certificates: [{ kind: 'gacc', number: 'CKGZ12012209210001', issuer: 'GACC', validUntil: '2027-12-31' }],
    });
  });

  it("read the HS code without the dots and spaces people write it with, and leave anything else for the schema to refuse", () => {
    const code = (hs_code: string) => (readImportRow({ ...TEMPLATE_EXAMPLE, hs_code }, 2, 'KGS').content as { hsCode: string }).hsCode;
    expect(code('0409.00.00.00')).toBe('0409000000');
    expect(code(' 0813 1000 00 ')).toBe('0813100000');
    expect(code('0409-00')).toBe('0409-00');
    expect(code('')).toBe('');
  });

  it('say when a spreadsheet has dropped the HS code’s leading 0, and guess nothing', () => {
    const row = readImportRow({ ...TEMPLATE_EXAMPLE, hs_code: '409000000' }, 2, 'KGS');
    expect(row.issues).toEqual([{ field: 'hs_code', message: expect.stringContaining('leading 0 (0409000000?)') }]);
    expect((row.content as { hsCode: string }).hsCode).toBe('409000000');
    expect(readImportRow({ ...TEMPLATE_EXAMPLE, hs_code: '040900000' }, 2, 'KGS').issues).toEqual([]);
  });

  it('name problems by the column they came from', () => {
    expect(columnForField('title.ru')).toBe('title_ru');
    expect(columnForField('price.amount')).toBe('price');
    expect(columnForField('price.currency')).toBe('currency');
    expect(columnForField('fulfilment.leadTimeDays')).toBe('lead_time_days');
    expect(columnForField('certificates.1.validUntil')).toBe('certificates');
    expect(columnForField('hsCode')).toBe('hs_code');
    const row = readImportRow({ ...TEMPLATE_EXAMPLE, weight_grams: '1.5', on_hand: 'many', certificates: 'gacc|123' }, 3, 'KGS');
    expect(row.issues.map((issue) => issue.field).sort()).toEqual(['certificates', 'on_hand', 'weight_grams']);
  });

  it('start the template with the documented header', () => {
    expect(importTemplateCsv().split('\r\n')[0]).toMatch(/^sku,category,title_zh,title_ru,title_en,/);
  });
});

describe('planning an import', () => {
  const existing = aProduct({ sku: 'A-1', stock: 4, reserved: 1 });
  const same = { line: 2, sku: 'A-1', content: contentOf(existing) };

  it('leaves a row that matches its listing unchanged (so the same file twice is a no-op)', () => {
    expect(planImport('KG', [same], new Map([[existing.id, existing]]))[0]?.action).toBe('unchanged');
    expect(planImport('KG', [{ ...same, onHand: 5 }], new Map([[existing.id, existing]]))[0]?.action).toBe('unchanged');
  });

  it('updates a row whose content or on-hand differs, and creates a new SKU', () => {
    const [changed, counted, fresh] = planImport(
      'KG',
      [{ ...same, content: { ...same.content, weightGrams: 1 } }, { ...same, line: 3, sku: 'B-1', onHand: 9 }, { ...same, line: 4, sku: 'C-1' }],
      new Map([[existing.id, existing], ['kg-b-1', aProduct({ sku: 'B-1', images: existing.images })]]),
    );
    expect(changed).toMatchObject({ action: 'update', contentChanged: true });
    expect(counted).toMatchObject({ action: 'update', contentChanged: false });
    expect(fresh).toMatchObject({ action: 'create', productId: 'kg-c-1' });
  });

  it('rejects a repeated SKU, a SKU that collides with another one’s id, and archived listings', () => {
    const archived = aProduct({ sku: 'OLD', status: 'archived' });
    const decisions = planImport(
      'KG',
      [same, { ...same, line: 3 }, { ...same, line: 4, sku: 'a.1' }, { ...same, line: 5, sku: 'OLD' }],
      new Map([[existing.id, existing], [archived.id, archived]]),
    );
    expect(decisions.map((decision) => decision.action)).toEqual(['unchanged', 'reject', 'reject', 'reject']);
  });
});
