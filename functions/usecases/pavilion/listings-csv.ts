import { parse } from 'csv-parse/sync';
import { IMPORT_COLUMNS } from '../../domain/listing-import.js';
import { PavilionRefusedError } from './refusal.js';

/**
 * Rows per request. An import runs inside one API request (a Lambda behind API Gateway's 30 s
 * limit): 1,000 rows take a few seconds even on DynamoDB Local, so a larger file is sent in parts
 * of at most 1,000 rows, each with the header repeated (the workspace page splits it).
 */
export const MAX_IMPORT_ROWS = 1_000;

export interface CsvRecord {
  /** The line the row starts on, as a text editor shows the file. */
  readonly line: number;
  readonly record: Record<string, string>;
}

/** Reads the file: the header must name known columns (so a typo is caught before any write). */
export function readCsv(csv: string): CsvRecord[] {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  // Spreadsheets in Russian and Chinese locales often save with semicolons or tabs.
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(csv, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024 }) as never;
  } catch (error) {
    throw new PavilionRefusedError({ reason: 'csv_unreadable', message: (error as Error).message.slice(0, 300) });
  }
  const [header, ...body] = rows;
  if (!header) throw new PavilionRefusedError({ reason: 'csv_empty' });
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = columns.filter((name) => !known.has(name));
  const missing = IMPORT_COLUMNS.filter((name) => name !== 'on_hand' && name !== 'images' && name !== 'certificates' && !columns.includes(name));
  if (unknown.length > 0 || missing.length > 0) throw new PavilionRefusedError({ reason: 'csv_header_mismatch', unknown, missing });
  if (body.length > MAX_IMPORT_ROWS) throw new PavilionRefusedError({ reason: 'too_many_rows', rows: body.length, maxRows: MAX_IMPORT_ROWS });
  const lines = startLines(csv, rows.map(({ info }) => info.bytes));
  return body.map(({ record }, i) => ({
    line: lines[i + 1]!,
    record: Object.fromEntries(columns.map((name, i) => [name, record[i] ?? ''])),
  }));
}

/**
 * The line each record starts on, as a text editor shows the file (CRLF, LF or CR each end one
 * line, inside quotes too), skipping the empty lines the parser skipped. csv-parse's own
 * `info.lines` is the line a record ends on, so a description with line breaks would be reported
 * below its row; its `info.bytes` (the offset just past each record) is exact, and lines are
 * counted from it.
 */
function startLines(csv: string, recordEnds: readonly number[]): number[] {
  const bytes = new TextEncoder().encode(csv);
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
