import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { balances, recordAdjustment, recordPayout, SettlementRefusedError, setCommissionRate, statementFor } from '../usecases/settlement.js';
import { jsonBodyGuard } from './body-guards.js';
import type { OperatorEnv } from './operator-auth.js';
import { OPERATOR_SECURITY } from './operator-customs.js';
import type { OperatorDeps } from './operator-deps.js';
import { problemOf } from './problem.js';
import { problemResponses } from './problem-responses.js';
import { SETTLEMENT_PROBLEMS } from './settlement-problems.js';
import { statementAnswer } from './statement-answer.js';
import {
  AdjustmentRequestSchema, CommissionRequestSchema, OperatorStatementQuery, PavilionBalanceSchema, PavilionParams, PayoutRequestSchema, SignedMoneySchema, StatementSchema,
} from './schemas/settlement.js';

const listBalances = createRoute({
  method: 'get', path: '/balances', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Every pavilion’s balance now (what the store owes it, in its currency) and its commission rate',
  responses: {
    200: { description: 'One balance per pavilion', content: { 'application/json': { schema: z.object({ items: z.array(PavilionBalanceSchema) }) } } },
    ...problemResponses(401, 403),
  },
});

const operatorStatement = createRoute({
  method: 'get', path: '/statements', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'A pavilion’s statement for calendar days in China time (as its manager sees it)',
  request: { query: OperatorStatementQuery },
  responses: {
    200: { description: 'The statement (JSON, or CSV with ?format=csv)', content: { 'application/json': { schema: StatementSchema }, 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const payout = createRoute({
  method: 'post', path: '/pavilions/{code}/payouts', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Records a bank transfer to a pavilion (never more than its balance; each bank reference once)',
  description: 'Appended to the pavilion’s ledger with an audit record (operator, time, amount, reference) in one transaction. 409 over the balance or for a reference already recorded; 422 in another currency.',
  request: { params: PavilionParams, body: { required: true, content: { 'application/json': { schema: PayoutRequestSchema } } } },
  responses: {
    201: { description: 'The payout and the balance left', content: { 'application/json': { schema: z.object({ payoutId: z.string(), balance: SignedMoneySchema }) } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const adjustment = createRoute({
  method: 'post', path: '/pavilions/{code}/adjustments', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Adjusts a pavilion’s balance either way, with a reason (audited)',
  request: { params: PavilionParams, body: { required: true, content: { 'application/json': { schema: AdjustmentRequestSchema } } } },
  responses: {
    201: { description: 'The adjustment and the balance after it', content: { 'application/json': { schema: z.object({ adjustmentId: z.string(), balance: SignedMoneySchema }) } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const commission = createRoute({
  method: 'put', path: '/pavilions/{code}/commission', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Sets a pavilion’s commission rate in basis points (orders paid from now on; audited)',
  request: { params: PavilionParams, body: { required: true, content: { 'application/json': { schema: CommissionRequestSchema } } } },
  responses: {
    200: { description: 'The rate now and before', content: { 'application/json': { schema: z.object({ commissionBp: z.number().int(), previousCommissionBp: z.number().int() }) } } },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

async function refusalsAnswered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SettlementRefusedError) throw problemOf(SETTLEMENT_PROBLEMS, error.refusal, undefined);
    throw error;
  }
}

/** Balances, statements, payouts, adjustments and commission rates, behind requireOperator (operator-app.ts). */
export function registerSettlementRoutes(app: OpenAPIHono<OperatorEnv>, deps: OperatorDeps) {
  app.use('/pavilions/:code/payouts', jsonBodyGuard(4096));
  app.use('/pavilions/:code/adjustments', jsonBodyGuard(4096));
  app.use('/pavilions/:code/commission', jsonBodyGuard(1024));

  app.openapi(listBalances, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ items: [...(await balances(deps))] }, 200);
  });

  app.openapi(operatorStatement, async (c) => {
    const query = c.req.valid('query');
    return refusalsAnswered(async () => statementAnswer(c, await statementFor(deps, query.pavilion, query.from, query.to), query));
  });

  app.openapi(payout, async (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    const done = await refusalsAnswered(() => recordPayout(deps, c.get('operator').subject, code, { amount: body.amount, paidOn: body.date, reference: body.reference }));
    return c.json(done, 201);
  });

  app.openapi(adjustment, async (c) => {
    const { code } = c.req.valid('param');
    const done = await refusalsAnswered(() => recordAdjustment(deps, c.get('operator').subject, code, c.req.valid('json')));
    return c.json(done, 201);
  });

  app.openapi(commission, async (c) => {
    const { code } = c.req.valid('param');
    const done = await refusalsAnswered(() => setCommissionRate(deps, c.get('operator').subject, code, c.req.valid('json').commissionBp));
    return c.json(done, 200);
  });
}
