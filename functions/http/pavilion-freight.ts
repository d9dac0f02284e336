import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { freightRatesOr, type FreightRates } from '../domain/freight.js';
import type { ManagerEnv } from './pavilion-auth.js';
import { ownPavilion } from './pavilion-common.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { SECURITY } from './pavilion-listings.js';
import { ProblemError, problemResponses } from './problem.js';
import { FreightRatesSchema, PavilionFreightSchema } from './schemas/freight.js';

const answer = (description: string) => ({ description, content: { 'application/json': { schema: PavilionFreightSchema } } });

const readFreight = createRoute({
  method: 'get', path: '/freight', tags: ['Pavilion'], security: SECURITY,
  summary: "The pavilion's freight rates per fulfilment mode, in CNY (the store's defaults until it sets its own)",
  responses: { 200: answer('The rates carts are charged with'), ...problemResponses(401, 403) },
});

const setFreight = createRoute({
  method: 'put', path: '/freight', tags: ['Pavilion'], security: SECURITY,
  summary: "Sets the pavilion's freight rates: every mode, per first kilogram and per further started kilogram, in fen of CNY",
  description: 'Carts priced from now on use the new rates; orders already placed keep the freight they were charged.',
  request: { body: { content: { 'application/json': { schema: FreightRatesSchema } }, required: true } },
  responses: { 200: answer('The rates as saved'), ...problemResponses(400, 401, 403) },
});

/** Copies the rates mode by mode, so the answer carries exactly the three modes and nothing a store item may hold beside them. */
function ratesOf(rates: FreightRates): FreightRates {
  const copy = (mode: keyof FreightRates) => ({ firstKg: { ...rates[mode].firstKg }, extraKg: { ...rates[mode].extraKg } });
  return { bonded_warehouse: copy('bonded_warehouse'), direct_rail: copy('direct_rail'), direct_air: copy('direct_air') };
}

/** Freight for the manager's own pavilion only: the pavilion comes from the verified token, never from the request. */
export function registerFreightRoutes(app: OpenAPIHono<ManagerEnv>, deps: PavilionDeps) {
  app.openapi(readFreight, async (c) => {
    const pavilion = await ownPavilion(deps, c.get('manager'));
    return c.json({ rates: ratesOf(freightRatesOr(pavilion.freightRates)), isDefault: !pavilion.freightRates }, 200);
  });

  app.openapi(setFreight, async (c) => {
    const rates = c.req.valid('json');
    const saved = await deps.catalogue.setFreightRates(c.get('manager').pavilion, rates);
    if (!saved) throw new ProblemError(403, 'No such pavilion', { detail: 'Your pavilion is not open on the site.' });
    return c.json({ rates: ratesOf(rates), isDefault: false }, 200);
  });
}
