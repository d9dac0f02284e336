/**
 * Sends a large listings CSV to the import API in parts: the API takes at most 1,000 data rows
 * (and 6 MB) per request, so a bigger file goes as several requests, one after another, each with
 * the header repeated. The parts' reports are merged into one that reads as if the API had seen
 * the whole file: every `line` is a line of the original file.
 *
 * Records are found exactly as the API's reader finds them (csv-parse 6 with the options in
 * functions/usecases/pavilion/listings-csv.ts): a BOM is dropped, the record break is the first line
 * break outside quotes (CRLF, LF or CR), quoted fields may hold delimiters, line breaks and
 * doubled quotes, and empty lines are skipped. A record's line is the one the API reports: the
 * line it starts on, as a text editor counts. tests/unit/site-csv-parts.test.ts holds this reader
 * to csv-parse and to the API's readCsv.
 */

/** The API's cap per request (rows after the header). */
export const MAX_ROWS_PER_PART = 1000;
/** Under the API's 6 MB body limit, with room for the repeated header. */
export const MAX_BYTES_PER_PART = 5 * 1024 * 1024;

export interface CsvRecord {
  /** The record as written in the file, with the line break that ends it (the file's last may have none). */
  readonly raw: string;
  /** The line the record starts on (CRLF, LF or CR each end a line, inside quotes too): the `line` the API reports for it. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvRecords {
  /** The first record; null for an empty file. */
  readonly header: CsvRecord | null;
  readonly rows: readonly CsvRecord[];
}

/** The file is not CSV the API can read; `line` is where the reader stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const BOM = '\uFEFF';
const QUOTE = '"';
const utf8 = new TextEncoder();

/** The API's rule: spreadsheets in Russian and Chinese locales often save with semicolons or tabs. */
export function fieldDelimiterOf(csv: string): string {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  return firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
}

function lineBreakAt(text: string, at: number): string {
  if (text.startsWith('\r\n', at)) return '\r\n';
  const char = text[at];
  return char === '\n' || char === '\r' ? char : '';
}

/** Reads the file into records, keeping each record's own text so parts can be cut from it verbatim. */
export function readCsvRecords(csv: string): CsvRecords {
  const text = csv.startsWith(BOM) ? csv.slice(BOM.length) : csv;
  const delimiter = fieldDelimiterOf(text);
  const records: { raw: string; start: number; fields: string[] }[] = [];
  let recordBreak = '';
  let quoting = false;
  let wasQuoting = false;
  let escaping = false;
  let fields: string[] = [];
  let field = '';
  let start = 0;

  const endRecord = (end: number) => {
    const values = [...fields, field];
    if (tooLong(values)) throw new CsvSyntaxError(lineAt(start), 'a row longer than 64 KB');
    records.push({ raw: text.slice(start, end), start, fields: values });
    fields = [];
    field = '';
    wasQuoting = false;
    start = end;
  };

  const lineAt = editorLines(text);
  for (let at = 0; at < text.length; at++) {
    if (!quoting && recordBreak === '') recordBreak = lineBreakAt(text, at);
    const char = text[at]!;

    if (escaping) {
      escaping = false;
      field += char;
      continue;
    }
    if (char === QUOTE) {
      if (!quoting) {
        if (field.length > 0) throw new CsvSyntaxError(lineAt(at), 'a quote inside a field that does not start with one');
        quoting = true;
        continue;
      }
      if (text[at + 1] === QUOTE) {
        escaping = true;
        continue;
      }
      const next = at + 1;
      if (recordBreak === '') recordBreak = lineBreakAt(text, next);
      if (next >= text.length || text[next] === delimiter || (recordBreak !== '' && text.startsWith(recordBreak, next))) {
        quoting = false;
        wasQuoting = true;
        continue;
      }
      throw new CsvSyntaxError(lineAt(at), 'a closing quote must be followed by a delimiter or the end of the line');
    }
    if (!quoting) {
      if (recordBreak !== '' && text.startsWith(recordBreak, at)) {
        const end = at + recordBreak.length;
        const emptyLine = !wasQuoting && fields.length === 0 && field.length === 0;
        if (emptyLine) start = end;
        else endRecord(end);
        at = end - 1;
        continue;
      }
      if (char === delimiter) {
        fields.push(field);
        field = '';
        wasQuoting = false;
        continue;
      }
    }
    field += char;
  }
  if (quoting) throw new CsvSyntaxError(lineAt(text.length), 'a quoted field is not closed');
  if (wasQuoting || fields.length > 0 || field.length > 0) endRecord(text.length);

  const [header = null, ...rows] = records.map((record) => {
    // Like the API, a record's line is that of its first character after any leading line breaks.
    const leading = /^[\r\n]*/.exec(record.raw)![0].length;
    return { raw: record.raw, line: lineAt(record.start + leading), fields: record.fields };
  });
  return { header, rows };
}

/**
 * The API's reader refuses a record whose content (its fields, in UTF-8) passes 64 KB:
 * csv-parse's max_record_size of 65,536 stops it at the 65,538th byte.
 */
const MAX_RECORD_BYTES = 64 * 1024;
function tooLong(fields: readonly string[]): boolean {
  const chars = fields.reduce((sum, value) => sum + value.length, 0);
  // A UTF-16 unit is at most 3 UTF-8 bytes: most rows need no encoding to tell.
  if (chars * 3 <= MAX_RECORD_BYTES + 1) return false;
  return fields.reduce((sum, value) => sum + utf8.encode(value).length, 0) > MAX_RECORD_BYTES + 1;
}

/** The line (from 1) of each offset, as an editor shows it: CRLF, LF and a lone CR each end one line. */
function editorLines(text: string): (at: number) => number {
  const breaks: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\n' || (char === '\r' && text[at + 1] !== '\n')) breaks.push(at);
  }
  return (at) => {
    // Binary search: how many line breaks lie before `at`.
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (breaks[middle]! < at) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

/**
 * Groups the rows into parts of at most `maxRows` rows and about `maxBytes`, in file order. A file
 * that fits in one request gives one part (or none when it has no rows).
 */
export function splitRows(header: CsvRecord, rows: readonly CsvRecord[], maxRows = MAX_ROWS_PER_PART, maxBytes = MAX_BYTES_PER_PART): CsvRecord[][] {
  const headerBytes = utf8.encode(header.raw).length;
  const parts: CsvRecord[][] = [];
  let part: CsvRecord[] = [];
  let bytes = headerBytes;
  for (const row of rows) {
    const size = utf8.encode(row.raw).length;
    if (part.length > 0 && (part.length >= maxRows || bytes + size > maxBytes)) {
      parts.push(part);
      part = [];
      bytes = headerBytes;
    }
    part.push(row);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** A part's request body: the header line as the file has it, then the part's rows as the file has them. */
export function partBody(header: CsvRecord, rows: readonly CsvRecord[]): string {
  return header.raw + rows.map((row) => row.raw).join('');
}

export interface RowReport {
  readonly line: number;
  readonly sku: string;
  readonly productId?: string;
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** POST /api/pavilion/imports's answer. */
export interface ImportReport {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly report: readonly RowReport[];
}

/** Totals recounted from the rows, so a merged report always adds up. */
export function reportOf(rows: readonly RowReport[]): ImportReport {
  const count = (outcome: RowReport['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  const report = [...rows].sort((a, b) => a.line - b.line);
  return { rows: report.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), report };
}

/** The API's wording for a second row of the same listing (functions/domain/listing-import.ts planImport). */
const SAME_LISTING = /^the same listing as line (\d+)\b/;
const sameListingAs = (line: number, sku: string) => `the same listing as line ${line} (${sku})`;

/**
 * Puts a part's report in terms of the whole file. The API reports every row it was sent once,
 * in the order of its lines, so the n-th report row is the n-th row sent, whose line in the file
 * is known; a "same listing as line N" message names a row of the same part and is mapped too.
 */
export function reportInFileLines(sent: readonly CsvRecord[], report: readonly RowReport[]): RowReport[] {
  const rows = [...report].sort((a, b) => a.line - b.line);
  if (rows.length !== sent.length) throw new Error(`A part of ${sent.length} rows came back with a report of ${rows.length}`);
  const fileLine = new Map(rows.map((row, i) => [row.line, sent[i]!.line]));
  return rows.map((row, i) => ({
    ...row,
    line: sent[i]!.line,
    ...(row.errors
      ? {
          errors: row.errors.map((error) => ({
            ...error,
            message: error.message.replace(SAME_LISTING, (whole, line: string) => {
              const mapped = fileLine.get(Number(line));
              return mapped === undefined ? whole : `the same listing as line ${mapped}`;
            }),
          })),
        }
      : {}),
  }));
}

/** Raised when a part is refused or cannot be sent; the parts before it were imported. */
export class ImportPartFailed extends Error {
  constructor(
    readonly part: number,
    readonly parts: number,
    readonly done: ImportReport,
    override readonly cause: unknown,
  ) {
    super(`part ${part} of ${parts} failed`);
  }
}

export interface PartedImportOptions {
  /** Sends one request body and returns the API's report for it. */
  readonly send: (body: string) => Promise<ImportReport>;
  /** The listing a SKU becomes (productIdFor with the manager's pavilion). */
  readonly listingIdOf: (sku: string) => string;
  /** Called before each part of a file that needs more than one. */
  readonly onPart?: (part: number, parts: number) => void;
  readonly maxRows?: number;
  readonly maxBytes?: number;
}

/**
 * Imports `csv`: as it is when it fits in one request (so the API's own answer stands), otherwise
 * in parts. Within one request the API rejects a second
 * row of the same listing; across parts it could not see the first, so such a row is rejected
 * here, with the API's words, instead of quietly overwriting the first.
 * Throws CsvSyntaxError (nothing sent) for a file the API could not read, and ImportPartFailed.
 */
export async function importInParts(csv: string, options: PartedImportOptions): Promise<ImportReport> {
  const maxRows = options.maxRows ?? MAX_ROWS_PER_PART;
  const maxBytes = options.maxBytes ?? MAX_BYTES_PER_PART;
  const { header, rows } = readCsvRecords(csv);
  const parts = header ? splitRows(header, rows, maxRows, maxBytes) : [];
  if (!header || parts.length <= 1) return options.send(csv);

  const skuColumn = header.fields.map((name) => name.trim().toLowerCase()).indexOf('sku');
  // Listings that an earlier part's row already named (the API's "seen": every row that passed validation).
  const seen = new Map<string, { line: number; sku: string }>();
  const merged: RowReport[] = [];
  for (const [index, part] of parts.entries()) {
    options.onPart?.(index + 1, parts.length);
    const send: CsvRecord[] = [];
    for (const row of part) {
      const sku = (row.fields[skuColumn] ?? '').trim();
      const earlier = skuColumn >= 0 && sku !== '' ? seen.get(options.listingIdOf(sku)) : undefined;
      if (earlier) merged.push({ line: row.line, sku, productId: options.listingIdOf(sku), outcome: 'rejected', errors: [{ field: 'sku', message: sameListingAs(earlier.line, earlier.sku) }] });
      else send.push(row);
    }
    if (send.length === 0) continue;
    let reported: RowReport[];
    try {
      reported = reportInFileLines(send, (await options.send(partBody(header, send))).report);
    } catch (error) {
      throw new ImportPartFailed(index + 1, parts.length, reportOf(merged), error);
    }
    for (const row of reported) {
      merged.push(row);
      if (row.productId && !seen.has(row.productId)) seen.set(row.productId, { line: row.line, sku: row.sku });
    }
  }
  return reportOf(merged);
}
