import type { Context } from 'hono';
import type { Statement } from '../usecases/settlement.js';
import { csvLanguageOf, statementCsv, type CsvLanguage } from './statement-csv.js';

/** A statement as JSON, or (format=csv) its entries as a CSV download with headers in the asker's language. */
export function statementAnswer(c: Context, statement: Statement, query: { readonly format: 'json' | 'csv'; readonly lang?: CsvLanguage | undefined }) {
  c.header('cache-control', 'no-store');
  if (query.format === 'csv') {
    const language = query.lang ?? csvLanguageOf(c.req.header('accept-language'));
    c.header('content-disposition', `attachment; filename="statement-${statement.pavilion}-${statement.from}-${statement.to}.csv"`);
    // A BOM so spreadsheet programs open the Chinese and Russian headers as UTF-8.
    return c.body(`\uFEFF${statementCsv(statement, language)}`, 200, { 'content-type': 'text/csv; charset=utf-8' });
  }
  return c.json(statement, 200);
}
