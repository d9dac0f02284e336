import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { productIdFor } from '../../functions/domain/catalogue.js';
import { IMPORT_COLUMNS } from '../../functions/domain/listing-import.js';
import { readCsv } from '../../functions/usecases/pavilion/listings-csv.js';
import {
  CsvSyntaxError,
  ImportPartFailed,
  fieldDelimiterOf,
  importInParts,
  partBody,
  readCsvRecords,
  reportOf,
  splitRows,
  type ImportReport,
  type RowReport,
} from '../../site/src/features/pavilion/csv-parts.js';

/**
 * The records csv-parse's Node build finds, with the options the API reads with (functions/domain/csv-records.ts),
 * written out here: the workspace page reads with csv-parse's browser build, and must find the same.
 */
function csvParseFields(csv: string): string[][] {
  return parse(csv, { bom: true, delimiter: fieldDelimiterOf(csv), relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024 }) as string[][];
}

function ourFields(csv: string): string[][] {
  const { header, rows } = readCsvRecords(csv);
  return (header ? [header, ...rows] : []).map((record) => [...record.fields]);
}

/** The line the API reports for each row: its own reader is the judge. */
const apiLines = (csv: string) => readCsv(csv).map((row) => row.line);
const ourLines = (csv: string) => readCsvRecords(csv).rows.map((row) => row.line);

const H = IMPORT_COLUMNS.join(',');
/** Files with the template's header, so the API's reader takes them. */
const TRICKY: Record<string, string> = {
  'plain LF': `${H}\nA,Honey\nB,Jam\n`,
  'no line break at the end': `${H}\nA,Honey\nB,Jam`,
  CRLF: `${H}\r\nA,Honey\r\nB,Jam\r\n`,
  'old Mac CR': `${H}\rA,Honey\rB,Jam\r`,
  BOM: `\uFEFF${H}\r\nA,蜂蜜\r\nB,Jam\r\n`,
  'quoted commas': `${H}\nA,"Honey, white, 500 g"\nB,Jam\n`,
  'quoted LF': `${H}\nA,"line one\nline two"\nB,x\n`,
  'quoted CRLF in a CRLF file': `${H}\r\nA,"line one\r\nline two\r\n\r\nline four"\r\nB,x\r\n`,
  'quoted LF in a CRLF file, as spreadsheets save': `${H}\r\nA,"line one\nline two"\r\nB,x\r\n`,
  'escaped quotes': `${H}\nA,"The ""white"" honey"\nB,""""\nC,"a ""quoted,"" comma"\n`,
  'empty lines skipped': `${H}\n\nA,Honey\n\n\nB,Jam\n\n`,
  'empty lines in CRLF': `${H}\r\n\r\nA,Honey\r\n\r\nB,Jam\r\n`,
  'a quoted empty field is a row': `${H}\n""\nA,Honey\n`,
  'a row of blanks is a row': `${H}\n   \nA,Honey\n`,
  'a row of delimiters is a row': `${H}\n,\nA,Honey\n`,
  semicolons: `${IMPORT_COLUMNS.join(';')}\nA;"Мёд; белый"\nB;Варенье\n`,
  tabs: `${IMPORT_COLUMNS.join('\t')}\nA\t"白蜜\t500克"\nB\t果酱\n`,
  'bare LF inside a CRLF file is data': `${H}\r\nA,one\ntwo\r\nB,x\r\n`,
  'bare CR inside a LF file is data': `${H}\nA,one\rtwo\nB,x\n`,
  'header only': `${H}\n`,
  'header without a line break': H,
};
/** Shapes the API refuses for their header, but which must still be read like csv-parse reads them. */
const ODD: Record<string, string> = {
  empty: '',
  'only empty lines': '\n\n',
  'quoted header with a line break': '"sku","title\nen"\nA,x\n',
};

describe('reading CSV records as the import API reads them', () => {
  for (const [name, csv] of Object.entries(TRICKY)) {
    it(`finds csv-parse's records and fields, at the lines the API reports: ${name}`, () => {
      expect(ourFields(csv)).toEqual(csvParseFields(csv));
      expect(ourLines(csv)).toEqual(apiLines(csv));
    });
  }
  for (const [name, csv] of Object.entries(ODD)) {
    it(`finds csv-parse's records and fields: ${name}`, () => {
      expect(ourFields(csv)).toEqual(csvParseFields(csv));
    });
  }

  it('keeps every record as written, so the file is its records put back together (BOM and empty lines aside)', () => {
    const csv = TRICKY['quoted CRLF in a CRLF file']!;
    const { header, rows } = readCsvRecords(csv);
    expect(header!.raw + rows.map((row) => row.raw).join('')).toBe(csv);
    expect(rows[0]!.raw).toBe('A,"line one\r\nline two\r\n\r\nline four"\r\n');
    expect(rows.map((row) => row.line)).toEqual([2, 6]);
  });

  it('agrees with csv-parse and the API on 300 random files mixing quotes, delimiters, line breaks, Chinese and Russian', () => {
    const random = seeded(20240604);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let n = 0; n < 300; n++) {
      const delimiter = pick([',', ';', '\t']);
      const lineBreak = pick(['\n', '\r\n']);
      const pieces = ['a', 'Мёд', '蜂蜜', ' ', ',', ';', '\t', '"', '\n', '\r\n', '\r', 'x y'];
      const field = () => {
        const text = Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join('');
        const mustQuote = /[",;\t\r\n]/.test(text) || random() < 0.2;
        return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
      };
      const lines = [IMPORT_COLUMNS.join(delimiter)];
      for (let row = 0; row < 1 + Math.floor(random() * 8); row++) {
        if (random() < 0.15) lines.push('');
        lines.push(Array.from({ length: 1 + Math.floor(random() * 3) }, field).join(delimiter));
      }
      const csv = (random() < 0.3 ? '\uFEFF' : '') + lines.join(lineBreak) + (random() < 0.5 ? lineBreak : '');
      expect(ourFields(csv), JSON.stringify(csv)).toEqual(csvParseFields(csv));
      expect(ourLines(csv), JSON.stringify(csv)).toEqual(apiLines(csv));
    }
  });

  it('refuses, with its line, a file csv-parse refuses: an unclosed quote, a stray quote, text after a closing quote', () => {
    for (const csv of [`${H}\nA,"open\nB,x\n`, `${H}\nA,ab"c\n`, `${H}\nA,Honey\nB,"closed"x\n`]) {
      expect(() => csvParseFields(csv)).toThrow();
      expect(() => readCsvRecords(csv)).toThrow(CsvSyntaxError);
    }
    expect(() => readCsvRecords(`${H}\nA,Honey\nB,"closed"x\n`)).toThrow(/line 3/);
    expect(() => readCsvRecords(`${H}\nA,ab"c\n`)).toThrow(/line 2: a quote inside a field that does not start with one/);
    // A quote never closed: the reader looked for it to the end of the file.
    expect(() => readCsvRecords(`${H}\nA,"open\nB,x\n`)).toThrow(/line 4: a quoted field is not closed/);
    // The row's line as the rows' lines are counted, a CRLF inside quotes being one line break (csv-parse's own count says 5).
    expect(() => readCsvRecords(`${H}\r\nA,"x\r\ny"\r\nB,"closed"x\r\n`)).toThrow(/line 4: a closing quote/);
  });

  it('refuses a row csv-parse finds too long (past 64 KB in UTF-8), and takes one just under', () => {
    const row = (bytes: number) => `${H}\nA,"${'蜂'.repeat(Math.floor((bytes - 1) / 3))}${'x'.repeat((bytes - 1) % 3)}"\nB,x\n`;
    for (const bytes of [65_536, 65_537]) expect(ourFields(row(bytes))).toEqual(csvParseFields(row(bytes)));
    expect(() => csvParseFields(row(65_538))).toThrow(/Max Record Size/);
    expect(() => readCsvRecords(row(65_538))).toThrow(/line 2: a row longer than 64 KB/);
  });
});

describe('cutting a file into parts', () => {
  it('puts 2,500 rows in parts of 1,000, 1,000 and 500, each with the header repeated and the rows as written', () => {
    const csv = fileOf(2500, (i) => `KG-P-${i},"Honey ${i}, jar"`);
    const { header, rows } = readCsvRecords(csv);
    const parts = splitRows(header!, rows);
    expect(parts.map((part) => part.length)).toEqual([1000, 1000, 500]);
    const second = readCsvRecords(partBody(header!, parts[1]!));
    expect(second.header!.fields).toEqual([...IMPORT_COLUMNS]);
    expect(second.rows.map((row) => row.fields)).toEqual(rows.slice(1000, 2000).map((row) => row.fields));
  });

  it('also closes a part before it would pass the byte limit', () => {
    const csv = fileOf(10, (i) => `S${i},${'x'.repeat(100)}`);
    const { header, rows } = readCsvRecords(csv);
    // Each row is about 105 bytes: room for three after the header.
    expect(splitRows(header!, rows, 1000, header!.raw.length + 350).map((part) => part.length)).toEqual([3, 3, 3, 1]);
  });
});

describe('importing a large file in parts', () => {
  it('sends a file that fits in one request as it is, once', async () => {
    const api = fakeImportApi();
    const csv = `\uFEFF${fileOf(5, (i) => `S${i},x`)}`;
    const report = await importInParts(csv, { send: api.send, listingIdOf, maxRows: 5 });
    expect(api.bodies).toEqual([csv]);
    expect(report.rows).toBe(5);
  });

  it('reports a parted file exactly as the API reports the whole file: lines, outcomes and duplicate SKUs across parts', async () => {
    const rows = [
      'S1,"Honey, white"', '', 'S-2,"two\r\nlines"', 'BAD,rejected by validation',
      'S3,"say ""hi"""', 'S1,"a second S1, in another part"', 's.2,"the same listing as S-2"',
      'BAD,"again"', 'S4,ok', 'S4,"a second S4, in the same part"',
      'S3,"a second S3, in the next part"',
    ];
    const csv = `\uFEFF${H}\r\n${rows.join('\r\n')}\r\n`;
    const whole = await fakeImportApi().send(csv);

    const api = fakeImportApi();
    const progress: string[] = [];
    const parted = await importInParts(csv, { send: api.send, listingIdOf, maxRows: 3, onPart: (part, parts) => progress.push(`${part}/${parts}`) });

    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(api.bodies.every((body) => body.startsWith(`${H}\r\n`))).toBe(true);
    expect(parted).toEqual(whole);
    const messages = Object.fromEntries(parted.report.filter((row) => row.errors).map((row) => [`${row.line} ${row.sku}`, row.errors![0]!.message]));
    expect(messages).toEqual({
      '6 BAD': 'not allowed',
      '8 S1': 'the same listing as line 2 (S1)',
      '9 s.2': 'the same listing as line 4 (S-2)',
      '10 BAD': 'not allowed',
      '12 S4': 'the same listing as line 11 (S4)',
      '13 S3': 'the same listing as line 7 (S3)',
    });
  });

  it('stops at a part the API refuses and hands back what the parts before it did', async () => {
    const api = fakeImportApi({ refuse: 2 });
    const csv = fileOf(7, (i) => `S${i},x`);
    const failure = await importInParts(csv, { send: api.send, listingIdOf, maxRows: 3 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportPartFailed);
    const { part, parts, done } = failure as ImportPartFailed;
    expect([part, parts, done.rows, done.created]).toEqual([2, 3, 3, 3]);
    expect(done.report.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  it('sends nothing for a file the API could not read', async () => {
    const api = fakeImportApi();
    await expect(importInParts(`${fileOf(4, (i) => `S${i},x`)}S9,"open\n`, { send: api.send, listingIdOf, maxRows: 2 })).rejects.toThrow(CsvSyntaxError);
    expect(api.bodies).toEqual([]);
  });
});

const listingIdOf = (sku: string) => productIdFor('KG', sku);

function fileOf(rows: number, row: (i: number) => string): string {
  return `${H}\n${Array.from({ length: rows }, (_, i) => `${row(i + 1)}\n`).join('')}`;
}

/**
 * The import API's reporting, in small: rows and lines from its own reader (readCsv); validation
 * (a SKU starting with BAD fails it, and such a row has no productId); "the same listing as line N"
 * for a repeat within one request; created / unchanged against what earlier requests wrote.
 */
function fakeImportApi(options: { refuse?: number } = {}) {
  const written = new Set<string>();
  const bodies: string[] = [];
  const send = async (body: string): Promise<ImportReport> => {
    bodies.push(body);
    if (bodies.length === options.refuse) throw new Error('refused');
    const seen = new Map<string, { line: number; sku: string }>();
    const report = readCsv(body).map(({ line, record }): RowReport => {
      const sku = (record.sku ?? '').trim();
      if (sku.startsWith('BAD')) return { line, sku, outcome: 'rejected', errors: [{ field: 'sku', message: 'not allowed' }] };
      const productId = listingIdOf(sku);
      const earlier = seen.get(productId);
      if (earlier) return { line, sku, productId, outcome: 'rejected', errors: [{ field: 'sku', message: `the same listing as line ${earlier.line} (${earlier.sku})` }] };
      seen.set(productId, { line, sku });
      const outcome = written.has(productId) ? 'unchanged' : 'created';
      written.add(productId);
      return { line, sku, productId, outcome };
    });
    return reportOf(report);
  };
  return { send, bodies };
}

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
