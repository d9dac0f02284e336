import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, readCsvRecords, type CsvRecords } from '../../domain/csv-records.js';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../domain/listing-import.js';
import { PavilionRefusedError } from './refusal.js';

export interface CsvRecord {
  /** The line the row starts on, as a text editor shows the file. */
  readonly line: number;
  readonly record: Record<string, string>;
}

/**
 * Reads the file (domain/csv-records.ts: csv-parse, read as the workspace page reads it); the
 * header must name known columns, so a typo is caught before any write.
 */
export function readCsv(csv: string): CsvRecord[] {
  let records: CsvRecords;
  try {
    records = readCsvRecords(csv, parse);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new PavilionRefusedError({ reason: 'csv_unreadable', message: error.parserMessage.slice(0, 300) });
  }
  const { header, rows } = records;
  if (!header) throw new PavilionRefusedError({ reason: 'csv_empty' });
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = columns.filter((name) => !known.has(name));
  const missing = IMPORT_COLUMNS.filter((name) => name !== 'on_hand' && name !== 'images' && name !== 'certificates' && !columns.includes(name));
  if (unknown.length > 0 || missing.length > 0) throw new PavilionRefusedError({ reason: 'csv_header_mismatch', unknown, missing });
  if (rows.length > MAX_IMPORT_ROWS) throw new PavilionRefusedError({ reason: 'too_many_rows', rows: rows.length, maxRows: MAX_IMPORT_ROWS });
  return rows.map(({ line, fields }) => ({
    line,
    record: Object.fromEntries(columns.map((name, i) => [name, fields[i] ?? ''])),
  }));
}
