import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE, csvLine } from '../../functions/domain/listing-import.js';
import { startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;
const csv = (rows: readonly Row[]) =>
  [csvLine(IMPORT_COLUMNS), ...rows.map((row) => csvLine(IMPORT_COLUMNS.map((column) => row[column] ?? TEMPLATE_EXAMPLE[column] ?? '')))].join('\r\n');

async function importCsv(body: string, token = bed.tokens.KG) {
  return bed.call('POST', '/api/pavilion/imports', { token, body, headers: { 'content-type': 'text/csv; charset=utf-8' } });
}

beforeAll(async () => {
  bed = await startPavilionTestbed();
});
afterAll(() => bed.stop());

describe('the import template', () => {
  it('is a header and one example row that imports cleanly', async () => {
    const template = await bed.call('GET', '/api/pavilion/imports/template.csv');
    expect(template.headers.get('content-disposition')).toContain('attachment');
    const lines = template.text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(IMPORT_COLUMNS.join(','));
    const report = await importCsv(template.text);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ rows: 1, created: 1, rejected: 0 });
  });
});

describe('importing listings from CSV', () => {
  const mixed = csv([
    { sku: 'IMP-GOOD-1', price: '650.50', on_hand: '12' },
    { sku: 'IMP-BAD-PRICE', price: '6,50' },
    { sku: 'IMP-GOOD-2', category: 'jam', title_en: 'Cherry jam', certificates: 'gacc|CKGZ12012209210002|GACC|2028-01-31; halal|H-77|Muftiyat|2027-06-30' },
    { sku: 'IMP-BAD-MANY', title_ru: '', currency: 'RUB', fulfilment_mode: 'teleport', weight_grams: 'heavy' },
    { sku: 'IMP-GOOD-1', price: '1.00' },
    { sku: 'bad sku!' },
  ]);

  it('creates the good rows and rejects the bad ones, each with its reasons by column', async () => {
    const response = await importCsv(mixed);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: 6, created: 2, updated: 0, unchanged: 0, rejected: 4 });
    const byLine = response.body.report;
    expect(byLine.map((row: any) => [row.line, row.sku, row.outcome])).toEqual([
      [2, 'IMP-GOOD-1', 'created'],
      [3, 'IMP-BAD-PRICE', 'rejected'],
      [4, 'IMP-GOOD-2', 'created'],
      [5, 'IMP-BAD-MANY', 'rejected'],
      [6, 'IMP-GOOD-1', 'rejected'],
      [7, 'bad sku!', 'rejected'],
    ]);
    expect(byLine[1].errors).toEqual([{ field: 'price', message: expect.any(String) }]);
    expect(byLine[3].errors.map((error: any) => error.field).sort()).toEqual(['currency', 'fulfilment_mode', 'title_ru', 'weight_grams']);
    expect(byLine[4].errors).toEqual([{ field: 'sku', message: 'the same listing as line 2 (IMP-GOOD-1)' }]);

    const good = await bed.listings.get('kg-imp-good-1');
    expect(good).toMatchObject({ price: { amount: 65_050, currency: 'KGS' }, stock: 12, status: 'active', version: 1 });
    const jam = await bed.listings.get('kg-imp-good-2');
    expect(jam?.certificates).toHaveLength(2);
    expect(jam?.title.en).toBe('Cherry jam');
  });

  it('changes nothing when the same file comes again: every good row is unchanged', async () => {
    const before = await bed.listings.get('kg-imp-good-1');
    const changesBefore = bed.changes.length;
    const response = await importCsv(mixed);
    expect(response.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 4 });
    expect(await bed.listings.get('kg-imp-good-1')).toEqual(before);
    expect(bed.changes.length).toBe(changesBefore);
  });

  it('updates a changed row in place (new version), and sets on hand without dropping below reserved', async () => {
    await bed.reserve('kg-imp-good-1', 5);
    const response = await importCsv(csv([
      { sku: 'IMP-GOOD-1', price: '700', on_hand: '12' },
      { sku: 'IMP-GOOD-2', category: 'jam', title_en: 'Cherry jam', certificates: 'gacc|CKGZ12012209210002|GACC|2028-01-31; halal|H-77|Muftiyat|2027-06-30', on_hand: '30' },
    ]));
    expect(response.body.report.map((row: any) => row.outcome)).toEqual(['updated', 'updated']);
    expect(await bed.listings.get('kg-imp-good-1')).toMatchObject({ version: 2, price: { amount: 70_000 }, stock: 7, reserved: 5 });
    expect(await bed.listings.get('kg-imp-good-2')).toMatchObject({ version: 1, stock: 30 });

    const below = await importCsv(csv([{ sku: 'IMP-GOOD-1', price: '700', on_hand: '2' }]));
    expect(below.body.report[0]).toMatchObject({ outcome: 'rejected', errors: [{ field: 'on_hand', message: expect.stringContaining('reserved') }] });
    expect(await bed.listings.get('kg-imp-good-1')).toMatchObject({ stock: 7, reserved: 5 });
  });

  it('refuses a file whose header does not match the template, before writing anything', async () => {
    const response = await importCsv('sku,titel_en,price\nX,Y,1');
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({ field: 'titel_en', message: 'unknown column' });
    expect(response.body.errors).toContainEqual({ field: 'title_en', message: 'missing column' });
  });

  it('reads semicolon-separated files as spreadsheets in Russian locales save them', async () => {
    const semicolons = [IMPORT_COLUMNS.join(';'), IMPORT_COLUMNS.map((column) => (column === 'sku' ? 'IMP-SEMI' : TEMPLATE_EXAMPLE[column] ?? '').replace(/;/g, ',')).join(';')].join('\n');
    const response = await importCsv(semicolons);
    expect(response.body.report[0]).toMatchObject({ sku: 'IMP-SEMI', outcome: 'created' });
  });

  it('answers 415 to a body that is not CSV and 400 to broken quoting', async () => {
    expect((await bed.call('POST', '/api/pavilion/imports', { token: bed.tokens.KG, json: { rows: [] } })).status).toBe(415);
    expect((await importCsv(`${IMPORT_COLUMNS.join(',')}\n"unclosed,quote`)).status).toBe(400);
  });

  it('imports 5,000 rows in one file, then re-imports them as unchanged', async () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      sku: `BULK-${String(i).padStart(5, '0')}`,
      title_en: `Bulk item ${i}`,
      price: `${100 + (i % 500)}.${String(i % 100).padStart(2, '0')}`,
      on_hand: String(i % 50),
    }));
    const body = csv(rows);
    const started = performance.now();
    const first = await importCsv(body);
    const firstMs = performance.now() - started;
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 5000, created: 5000, rejected: 0 });

    const againStarted = performance.now();
    const again = await importCsv(body);
    const againMs = performance.now() - againStarted;
    expect(again.body).toMatchObject({ rows: 5000, unchanged: 5000 });
    // Reported for the record (DynamoDB Local on this machine), not asserted.
    console.info(`5,000-row import: ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(2)} MB, first ${Math.round(firstMs)} ms, again ${Math.round(againMs)} ms`);

    const count = (await bed.catalogue.getPavilion('KG'))!.productCount;
    expect(count).toBeGreaterThanOrEqual(5000);
  });
});
