import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { IMPORT_COLUMNS, IMPORT_COLUMN_HELP, IMPORT_MAX_BYTES, MAX_IMPORT_ROWS, importTemplateCsv } from '../../domain/listing-import.js';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { importListings } from '../../usecases/pavilion/import-listings.js';
import { ProblemError, problem } from '../problem.js';
import { problemResponses } from '../problem-responses.js';
import { createRouter } from '../router.js';
import { ImportReportSchema } from '../schemas/imports.js';
import { checkListingContent } from '../schemas/listing.js';
import { SECURITY, type ManagerEnv } from './auth.js';

const columnsDoc = IMPORT_COLUMNS.map((column) => `- \`${column}\`${IMPORT_COLUMN_HELP[column] ? `: ${IMPORT_COLUMN_HELP[column]}` : ''}`).join('\n');

const importListingsRoute = createRoute({
  method: 'post', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: 'Creates or updates listings from a CSV file, one report line per row',
  description: `Body: text/csv (UTF-8, comma, semicolon or tab separated), header row first. Rows are matched to listings by SKU; importing the same file again reports every row unchanged. A bad row is rejected with its reasons and never blocks the others. At most ${MAX_IMPORT_ROWS} rows per request (413 otherwise): send a larger file in parts, each with the header row; report lines are the lines where rows start in the part sent. Columns:\n${columnsDoc}`,
  request: { body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
  responses: {
    200: { description: 'What happened to each row', content: { 'application/json': { schema: ImportReportSchema } } },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

const importTemplate = createRoute({
  method: 'get', path: '/template.csv', tags: ['Pavilion'],
  summary: 'The import template: the header and one example row',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } },
});

/** /pavilion/imports: listings from a CSV file. */
export function importRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();
  app.use('/', bodyLimit({ maxSize: IMPORT_MAX_BYTES, onError: () => problem(413, 'The file is larger than 6 MB', { detail: 'Split it into several files.' }) }));
  app.openapi(importListingsRoute, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(type)) throw new ProblemError(415, 'Send the file as text/csv');
    const report = await importListings(deps, c.get('manager'), await c.req.text(), checkListingContent);
    return c.json(
      { ...report, report: report.report.map(({ errors, ...row }) => ({ ...row, ...(errors ? { errors: errors.map((error) => ({ ...error })) } : {}) })) },
      200,
    );
  });
  return app;
}

/** /pavilion/imports/template.csv, public: the page links to it, and a link cannot carry a bearer token. */
export function importTemplateRoutes() {
  const app = createRouter();
  app.openapi(importTemplate, (c) => {
    c.header('content-disposition', 'attachment; filename="sco-bazaar-listings-template.csv"');
    c.header('cache-control', 'public, max-age=3600');
    // A BOM so spreadsheet programs open the Chinese and Russian text as UTF-8.
    return c.body(`\uFEFF${importTemplateCsv()}`, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });
  return app;
}
