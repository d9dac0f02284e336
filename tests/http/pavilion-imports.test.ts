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

  it("rejects a row without China's 10-digit HS code, naming the hs_code column, and reads the code as people write it", async () => {
    const response = await importCsv(csv([
      { sku: 'HS-NONE', hs_code: '' },
      { sku: 'HS-SHORT', hs_code: '0409' },
      { sku: 'HS-LETTERS', hs_code: 'HONEY-0409' },
      { sku: 'HS-SPREADSHEET', hs_code: '409000000' },
      { sku: 'HS-DOTTED', hs_code: '0409.00.00.00' },
    ]));
    expect(response.status).toBe(200);
    const [none, short, letters, spreadsheet, dotted] = response.body.report;
    const message = "10 digits, China's tariff code, e.g. 0409000000";
    expect(none).toMatchObject({ outcome: 'rejected', errors: [{ field: 'hs_code', message }] });
    expect(short).toMatchObject({ outcome: 'rejected', errors: [{ field: 'hs_code', message }] });
    expect(letters).toMatchObject({ outcome: 'rejected', errors: [{ field: 'hs_code', message }] });
    // A spreadsheet that read the code as a number dropped its leading 0: the report says so, and guesses nothing.
    expect(spreadsheet).toMatchObject({ outcome: 'rejected', errors: [{ field: 'hs_code', message: expect.stringContaining('0409000000?') }] });
    expect(dotted.outcome).toBe('created');
    expect((await bed.listings.get('kg-hs-dotted'))?.hsCode).toBe('0409000000');
    expect(await bed.listings.get('kg-hs-spreadsheet')).toBeNull();
  });

  it('refuses a file without the hs_code column', async () => {
    const columns = IMPORT_COLUMNS.filter((column) => column !== 'hs_code');
    const response = await importCsv([csvLine(columns), csvLine(columns.map((column) => TEMPLATE_EXAMPLE[column] ?? ''))].join('\r\n'));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'hs_code', message: 'missing column' }]);
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

  it('imports 5,000 rows sent as five parts of 1,000 (header repeated), then re-imports them as unchanged', async () => {
    const countBefore = (await bed.catalogue.getPavilion('KG'))!.productCount;
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      sku: `BULK-${String(i).padStart(5, '0')}`,
      title_en: `Bulk item ${i}`,
      price: `${100 + (i % 500)}.${String(i % 100).padStart(2, '0')}`,
      on_hand: String(i % 50),
    }));
    const parts = Array.from({ length: 5 }, (_, part) => csv(rows.slice(part * 1000, (part + 1) * 1000)));
    const started = performance.now();
    for (const part of parts) {
      const first = await importCsv(part);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ rows: 1000, created: 1000, rejected: 0 });
    }
    const firstMs = performance.now() - started;

    const againStarted = performance.now();
    for (const part of parts) expect((await importCsv(part)).body).toMatchObject({ rows: 1000, unchanged: 1000 });
    const againMs = performance.now() - againStarted;
    // Reported for the record (DynamoDB Local on this machine), not asserted.
    console.info(`5,000 rows in five parts: first ${Math.round(firstMs)} ms, again ${Math.round(againMs)} ms`);

    expect((await bed.catalogue.getPavilion('KG'))!.productCount).toBe(countBefore + 5000);
    // 10,000 writes on DynamoDB Local: ~15 s alone, several times that beside the browser tests on two cores.
  }, 180_000);

  it('refuses a request of more than 1,000 rows with 413, telling the client to send parts, and writes nothing', async () => {
    const rows: Row[] = Array.from({ length: 1001 }, (_, i) => ({ sku: `CAP-${i}` }));
    const response = await importCsv(csv(rows));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ maxRows: 1000, rows: 1001 });
    expect(response.body.detail).toContain('parts of at most 1000 rows');
    expect(await bed.listings.get('kg-cap-0')).toBeNull();
  });

  it('refuses on hand above 1,000,000 when it creates a listing, as the workspace form does', async () => {
    const response = await importCsv(csv([{ sku: 'IMP-TOO-MANY', on_hand: '999999999' }, { sku: 'IMP-MOST', on_hand: '1000000' }]));
    expect(response.body.report.map((row: any) => [row.sku, row.outcome])).toEqual([['IMP-TOO-MANY', 'rejected'], ['IMP-MOST', 'created']]);
    expect(response.body.report[0].errors).toEqual([{ field: 'on_hand', message: 'at most 1000000 units on hand' }]);
    expect(await bed.listings.get('kg-imp-too-many')).toBeNull();
  });

  it('refuses a price above 999,999.99, the most one payment carries', async () => {
    const response = await importCsv(csv([{ sku: 'IMP-DEAR', price: '1000000.00' }, { sku: 'IMP-DEAREST', price: '999999.99' }]));
    expect(response.body.report.map((row: any) => [row.sku, row.outcome])).toEqual([['IMP-DEAR', 'rejected'], ['IMP-DEAREST', 'created']]);
    expect(response.body.report[0].errors).toEqual([{ field: 'price', message: expect.stringContaining('99999999') }]);
  });

  it('reports each row at the line where it starts, also after descriptions with line breaks', async () => {
    const line = (row: Row) => csvLine(IMPORT_COLUMNS.map((column) => row[column] ?? TEMPLATE_EXAMPLE[column] ?? ''));
    const body = [
      csvLine(IMPORT_COLUMNS),
      line({ sku: 'IMP-LINES-1', description_en: 'First line\r\nsecond line\r\nthird line' }),
      '',
      line({ sku: 'IMP-LINES-2', price: 'free' }),
      line({ sku: 'IMP-LINES-3', description_ru: 'Строка\nещё строка' }),
      line({ sku: 'IMP-LINES-4' }),
    ].join('\r\n');
    const response = await importCsv(`\uFEFF${body}\r\n`);
    // Line 1 the header; row 1 spans lines 2-4; line 5 is empty; then one line each, the third spanning two.
    expect(response.body.report.map((row: any) => [row.line, row.sku])).toEqual([[2, 'IMP-LINES-1'], [6, 'IMP-LINES-2'], [7, 'IMP-LINES-3'], [9, 'IMP-LINES-4']]);
  });
});

describe('an import row’s change to an existing listing', () => {
  it('writes its price and its on hand together, or neither when the listing moved since it was read', async () => {
    await importCsv(csv([{ sku: 'IMP-ATOMIC', price: '100.00', on_hand: '10' }]));
    const seen = (await bed.listings.get('kg-imp-atomic'))!;
    await bed.reserve(seen.id, 2);
    const change = { id: seen.id, pavilion: 'KG' as const, seen, content: { ...seen, price: { amount: 20_000, currency: 'KGS' as const } }, stockDelta: 5, by: 'manager', at: new Date().toISOString() };
    await expect(bed.listings.applyImportChange(change)).rejects.toMatchObject({ reason: 'stock_moved' });
    expect(await bed.listings.get(seen.id)).toMatchObject({ price: { amount: 10_000 }, stock: 8, reserved: 2, version: 1 });

    const fresh = (await bed.listings.get(seen.id))!;
    await bed.listings.applyImportChange({ ...change, seen: fresh });
    expect(await bed.listings.get(seen.id)).toMatchObject({ price: { amount: 20_000 }, stock: 13, reserved: 2, version: 2 });
    expect((await bed.listings.stockMovements(seen.id, 5))[0]).toMatchObject({ delta: 5, reason: 'import' });
  });
});
