/**
 * The one reader of a listings CSV file, for both sides of the import: the API
 * (usecases/pavilion/listings-csv.ts, with csv-parse's Node build) and the workspace page that
 * sends a large file in parts (site/src/features/pavilion/csv-parts.ts, with csv-parse's browser
 * build). Both read with csv-parse 6 and the options below; the caller passes its build's `parse`,
 * so this module imports nothing and the browser gets no Node code.
 *
 * Besides csv-parse's fields, each record keeps its text as written (so a part of the file can be
 * sent verbatim) and the line it starts on, as a text editor counts: the line the API reports.
 */

/** csv-parse refuses a record whose fields pass 64 KB (in UTF-8). */
export const MAX_RECORD_BYTES = 64 * 1024;

/** The options of every read: a BOM dropped, empty lines skipped, short rows allowed, each record's offset reported. */
export interface CsvReadOptions {
  readonly bom: true;
  readonly delimiter: string;
  readonly info: true;
  readonly relax_column_count: true;
  readonly skip_empty_lines: true;
  readonly max_record_size: number;
}

/** `parse` of `csv-parse/sync` or of `csv-parse/browser/esm/sync`: the same csv-parse, built for Node or for browsers. */
export type CsvParse = (input: string, options: CsvReadOptions & { readonly on_record: (record: string[], context: { readonly bytes: number }) => string[] }) => unknown;

export function csvReadOptions(csv: string): CsvReadOptions {
  return { bom: true, delimiter: fieldDelimiterOf(csv), info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES };
}

/** Spreadsheets in Russian and Chinese locales often save with semicolons or tabs: the first line tells. */
export function fieldDelimiterOf(csv: string): string {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  return firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
}

export interface CsvRecord {
  /**
   * The record as written in the file, with the line break that ends it (the file's last may have
   * none) and any empty lines the reader skipped before it; the header's without the BOM.
   */
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

/** csv-parse's error codes, in the words the workspace shows a manager. */
const REASONS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote must be followed by a delimiter or the end of the line',
  CSV_MAX_RECORD_SIZE: 'a row longer than 64 KB',
};

/** The file is not CSV that csv-parse can read. */
export class CsvSyntaxError extends Error {
  constructor(
    /** The line the unreadable row starts on; for a quote never closed, the file's last line, where the search for it ended. */
    readonly line: number,
    /** What is wrong, in plain words. */
    readonly reason: string,
    /** csv-parse's own message, which the API answers with. */
    readonly parserMessage: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

interface ParsedRecord {
  readonly record: string[];
  /** `bytes`: the offset in UTF-8 just past the record (its line break included), BOM counted. */
  readonly info: { readonly bytes: number };
}

/** Reads the file into records. Throws CsvSyntaxError for a file csv-parse refuses. */
export function readCsvRecords(csv: string, parse: CsvParse): CsvRecords {
  const bytes = new TextEncoder().encode(csv);
  // Where each record read so far ends, so a refusal can name the line of the row it stopped in.
  const ends: number[] = [];
  let parsed: ParsedRecord[];
  try {
    const onRecord = (record: string[], context: { readonly bytes: number }) => {
      ends.push(context.bytes);
      return record;
    };
    parsed = parse(csv, { ...csvReadOptions(csv), on_record: onRecord }) as ParsedRecord[];
  } catch (error) {
    throw unreadable(error, csv, startLines(bytes, [...ends, bytes.length]).at(-1)!);
  }
  // Keeps a BOM where it is: only the header's is dropped, below.
  const text = new TextDecoder('utf-8', { ignoreBOM: true });
  const lines = startLines(bytes, parsed.map(({ info }) => info.bytes));
  let start = 0;
  const records = parsed.map(({ record, info }, i): CsvRecord => {
    const raw = text.decode(bytes.subarray(start, info.bytes));
    start = info.bytes;
    return { raw, line: lines[i]!, fields: record };
  });
  const [header, ...rows] = records;
  if (!header) return { header: null, rows: [] };
  return { header: { ...header, raw: header.raw.replace(/^\uFEFF/, '') }, rows };
}

/**
 * csv-parse's refusal, at the line of the row it could not read, counted as the rows' lines are
 * (csv-parse's own `lines` counts a CRLF inside quotes as two). A quote never closed sends the
 * reader to the end of the file, and the error names the last line.
 */
function unreadable(error: unknown, csv: string, rowLine: number): CsvSyntaxError {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const parserMessage = String(message);
  const line = code === 'CSV_QUOTE_NOT_CLOSED' ? 1 + (csv.match(/\r\n|\r|\n/g)?.length ?? 0) : rowLine;
  return new CsvSyntaxError(line, (typeof code === 'string' && REASONS[code]) || parserMessage, parserMessage);
}

/**
 * The line each record starts on, as a text editor shows the file (CRLF, LF or CR each end one
 * line, inside quotes too), skipping the empty lines the reader skipped. csv-parse's own
 * `info.lines` is the line a record ends on, so a description with line breaks would be reported
 * below its row; its `info.bytes` (the offset just past each record) is exact, and lines are
 * counted from it.
 */
function startLines(bytes: Uint8Array, recordEnds: readonly number[]): number[] {
  const LF = 0x0a;
  const CR = 0x0d;
  const endsLine = (at: number) => bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF);
  let line = 1;
  let at = 0;
  return recordEnds.map((end) => {
    for (; at < end && (bytes[at] === LF || bytes[at] === CR); at++) if (endsLine(at)) line++;
    const start = line;
    for (; at < end; at++) if (endsLine(at)) line++;
    return start;
  });
}
