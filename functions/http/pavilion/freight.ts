import { createRoute } from '@hono/zod-openapi';
import type { FreightRates } from '../../domain/freight.js';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { pavilionFreight, setPavilionFreight, type PavilionFreight } from '../../usecases/pavilion/freight.js';
import { problemResponses } from '../problem-responses.js';
import { createRouter } from '../router.js';
import { FreightRatesSchema, PavilionFreightSchema } from '../schemas/freight.js';
import { SECURITY, type ManagerEnv } from './auth.js';

const answer = (description: string) => ({ description, content: { 'application/json': { schema: PavilionFreightSchema } } });

const readFreight = createRoute({
  method: 'get', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: "The pavilion's freight rates per fulfilment mode, in CNY (the store's defaults until it sets its own)",
  responses: { 200: answer('The rates carts are charged with'), ...problemResponses(401, 403) },
});

const setFreight = createRoute({
  method: 'put', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: "Sets the pavilion's freight rates: every mode, per first kilogram and per further started kilogram, in fen of CNY",
  description: 'Carts priced from now on use the new rates; orders already placed keep the freight they were charged.',
  request: { body: { content: { 'application/json': { schema: FreightRatesSchema } }, required: true } },
  responses: { 200: answer('The rates as saved'), ...problemResponses(400, 401, 403) },
});

/** Copies the rates mode by mode, so the answer carries exactly the three modes and nothing a store item may hold beside them. */
function freightAnswer({ rates, isDefault }: PavilionFreight) {
  const copy = (mode: keyof FreightRates) => ({ firstKg: { ...rates[mode].firstKg }, extraKg: { ...rates[mode].extraKg } });
  return { rates: { bonded_warehouse: copy('bonded_warehouse'), direct_rail: copy('direct_rail'), direct_air: copy('direct_air') }, isDefault };
}

/** /pavilion/freight: the manager's own pavilion's rates only (the pavilion comes from the verified token, never from the request). */
export function freightRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();
  app.openapi(readFreight, async (c) => c.json(freightAnswer(await pavilionFreight(deps, c.get('manager'))), 200));
  app.openapi(setFreight, async (c) => c.json(freightAnswer(await setPavilionFreight(deps, c.get('manager'), c.req.valid('json'))), 200));
  return app;
}
