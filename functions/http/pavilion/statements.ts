import { createRoute, z } from '@hono/zod-openapi';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { SettlementRefusedError, statementFor } from '../../usecases/settlement.js';
import { problemOf } from '../problem.js';
import { problemResponses } from '../problem-responses.js';
import { SETTLEMENT_PROBLEMS } from '../settlement-problems.js';
import { statementAnswer } from '../statement-answer.js';
import { StatementQuery, StatementSchema } from '../schemas/settlement.js';
import { createRouter } from '../router.js';
import { SECURITY, type ManagerEnv } from './auth.js';

const statement = createRoute({
  method: 'get', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: 'The pavilion’s statement for calendar days in China time: what it earned and is owed, in its own currency',
  description:
    'Opening balance, sales, refunds (returns included), commission (net of commission given back), payouts and adjustments, and the closing ' +
    'balance = opening + sales − refunds − commission − payouts + adjustments, exactly; with every ledger entry of the period. Tax and freight ' +
    'pass through (passThrough). ?format=csv answers the entries as CSV, headers in ?lang or the Accept-Language.',
  request: { query: StatementQuery },
  responses: {
    200: { description: 'The statement (JSON, or CSV with ?format=csv)', content: { 'application/json': { schema: StatementSchema }, 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403),
  },
});

/** /pavilion/statements: the manager's own pavilion only (from the verified token). */
export function statementRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();
  app.openapi(statement, async (c) => {
    const query = c.req.valid('query');
    try {
      return statementAnswer(c, await statementFor(deps, c.get('manager').pavilion, query.from, query.to), query);
    } catch (error) {
      if (error instanceof SettlementRefusedError) throw problemOf(SETTLEMENT_PROBLEMS, error.refusal, undefined);
      throw error;
    }
  });
  return app;
}
