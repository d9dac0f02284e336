import { parse } from 'csv-parse/browser/esm/sync';
import { readCsvRecords as readWith, type CsvRecord, type CsvRecords } from '../../../../functions/domain/csv-records.js';
import { IMPORT_MAX_BYTES, MAX_IMPORT_ROWS } from '../../../../functions/domain/listing-import.js';
import type { ImportReport, RowReport } from './api-types.js';

/**
 * Sends a large listings CSV to the import API in parts: the API takes at most 1,000 data rows
 * (and 6 MB) per request, so a bigger file goes as several requests, one after another, each with
 * the header repeated. The parts' reports are merged into one that reads as if the API had seen
 * the whole file: every `line` is a line of the original file.
 *
 * The file is read by the API's own reader (functions/domain/csv-records.ts: csv-parse 6 with the
 * API's options), here with csv-parse's browser build; tests/unit/site-csv-parts.test.ts holds the
 * records and lines found here to those of the API's readCsv.
 */

export { CsvSyntaxError, fieldDelimiterOf, type CsvRecord, type CsvRecords } from '../../../../functions/domain/csv-records.js';
export type { ImportReport, RowReport };

/** The API's cap per request (rows after the header). */
const MAX_ROWS_PER_PART = MAX_IMPORT_ROWS;
/** Under the API's body limit (6 MB), with room for the repeated header. */
const MAX_BYTES_PER_PART = IMPORT_MAX_BYTES - 1024 * 1024;

const utf8 = new TextEncoder();

/** Reads the file into records as the API reads it, keeping each record's own text so parts can be cut from it verbatim. */
export function readCsvRecords(csv: string): CsvRecords {
  return readWith(csv, parse);
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
function reportInFileLines(sent: readonly CsvRecord[], report: readonly RowReport[]): RowReport[] {
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
