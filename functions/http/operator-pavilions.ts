import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { PavilionAction } from '../domain/audit.js';
import { inviteManager, PavilionActionRefusedError, pavilionsWithActions, setPavilionSuspended, type PavilionRefusal } from '../usecases/operator-pavilions.js';
import { jsonBodyGuard } from './body-guards.js';
import type { OperatorEnv } from './operator-auth.js';
import { OPERATOR_SECURITY } from './operator-customs.js';
import type { OperatorDeps } from './operator-deps.js';
import { ProblemError } from './problem.js';
import { problemResponses } from './problem-responses.js';
import {
  InviteRequestSchema,
  PavilionActionAnswerSchema,
  PavilionListSchema,
  PavilionParams,
  SuspensionRequestSchema,
  type PavilionActionSchema,
} from './schemas/operator-console.js';

const list = createRoute({
  method: 'get', path: '/pavilions', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Every pavilion with its standing (active or suspended) and the operators’ actions on it',
  responses: { 200: { description: 'The pavilions', content: { 'application/json': { schema: PavilionListSchema } } }, ...problemResponses(401, 403) },
});

const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const invite = createRoute({
  method: 'post', path: '/pavilions/{code}/managers', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Invite a manager for the pavilion by email',
  description: 'In AWS, Cognito AdminCreateUser with custom:pavilion (Cognito mails a temporary password); locally the token issuer adds the manager to its sign-in page. 409 when the email has an account.',
  request: { params: PavilionParams, body: jsonBody(InviteRequestSchema) },
  responses: {
    201: { description: 'Invited, and recorded', content: { 'application/json': { schema: PavilionActionAnswerSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 503),
  },
});

const suspend = createRoute({
  method: 'post', path: '/pavilions/{code}/suspension', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Suspend the pavilion, with a reason',
  description: 'Its managers’ workspace calls are refused (403, reason pavilion_suspended) and checkout refuses its products until it is reinstated. Paid lines stay; refund them from the order if they will not ship.',
  request: { params: PavilionParams, body: jsonBody(SuspensionRequestSchema) },
  responses: {
    200: { description: 'Suspended, and recorded', content: { 'application/json': { schema: PavilionActionAnswerSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const reinstate = createRoute({
  method: 'post', path: '/pavilions/{code}/reinstatement', tags: ['Operator'], security: OPERATOR_SECURITY,
  summary: 'Reinstate a suspended pavilion, with a reason',
  request: { params: PavilionParams, body: jsonBody(SuspensionRequestSchema) },
  responses: {
    200: { description: 'Reinstated, and recorded', content: { 'application/json': { schema: PavilionActionAnswerSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const REFUSALS: Record<PavilionRefusal, { status: number; title: string }> = {
  no_such_pavilion: { status: 404, title: 'No such pavilion' },
  already_suspended: { status: 409, title: 'The pavilion is suspended already' },
  not_suspended: { status: 409, title: 'The pavilion is not suspended' },
  manager_exists: { status: 409, title: 'This email has an account already' },
  invitations_unavailable: { status: 503, title: 'Inviting managers is not set up here' },
};

const refused = (error: unknown): never => {
  if (error instanceof PavilionActionRefusedError) {
    const { status, title } = REFUSALS[error.reason];
    throw new ProblemError(status, title, { reason: error.reason });
  }
  throw error;
};

const actionView = (action: PavilionAction): z.infer<typeof PavilionActionSchema> => ({
  actionId: action.actionId, pavilion: action.pavilion, operator: action.operator, at: action.at, action: action.action,
  reason: action.reason ?? null, invitee: action.invitee ?? null,
});

/** /api/operator/pavilions…, behind requireOperator (operator-app.ts). */
export function registerPavilionRoutes(app: OpenAPIHono<OperatorEnv>, deps: OperatorDeps) {
  for (const path of ['/pavilions/:code/managers', '/pavilions/:code/suspension', '/pavilions/:code/reinstatement']) app.use(path, jsonBodyGuard(2048));

  app.openapi(list, async (c) => {
    const items = (await pavilionsWithActions(deps)).map(({ pavilion, actions }) => ({
      code: pavilion.code,
      name: pavilion.name,
      flag: pavilion.flag,
      status: pavilion.suspension ? ('suspended' as const) : ('active' as const),
      suspension: pavilion.suspension ? { at: pavilion.suspension.at, by: pavilion.suspension.by, reason: pavilion.suspension.reason } : null,
      actions: actions.map(actionView),
    }));
    return c.json({ items }, 200);
  });

  app.openapi(invite, async (c) => {
    const { code } = c.req.valid('param');
    const { email } = c.req.valid('json');
    const action = await inviteManager(deps, c.get('operator').subject, code, email).catch(refused);
    return c.json({ action: actionView(action) }, 201);
  });

  app.openapi(suspend, async (c) => {
    const { code } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const action = await setPavilionSuspended(deps, c.get('operator').subject, code, true, reason).catch(refused);
    return c.json({ action: actionView(action) }, 200);
  });

  app.openapi(reinstate, async (c) => {
    const { code } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const action = await setPavilionSuspended(deps, c.get('operator').subject, code, false, reason).catch(refused);
    return c.json({ action: actionView(action) }, 200);
  });
}
