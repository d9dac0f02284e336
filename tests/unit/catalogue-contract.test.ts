import { toJSONSchema } from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_ROUTES, ProductIdParamDescribed, ProductListQueryDescribed } from '../../functions/http/catalogue-contract.js';
import { createCatalogueApp } from '../../functions/http/catalogue-app.js';
import { ProductIdParam, ProductListQuery } from '../../functions/http/schemas/catalogue-query.js';

/*
 * The catalogue's function validates with zod/mini (schemas/catalogue-query.ts) and the OpenAPI document
 * describes it from classic twins (catalogue-contract.ts). These tests keep the two one contract.
 */

const twins = [
  {
    name: 'the product list query',
    described: ProductListQueryDescribed,
    served: ProductListQuery,
    inputs: [
      {},
      { pavilion: 'KG', category: 'honey', limit: '12', cursor: 'abc' },
      { pavilion: 'kg' },
      { pavilion: 'KGZ', category: 'caviar' },
      { limit: '0' },
      { limit: '101' },
      { limit: '2.5' },
      { limit: 'ten' },
      { cursor: 'x'.repeat(1025) },
      { sort: 'price' },
      { pavilion: ['KG', 'KZ'] },
    ],
  },
  {
    name: 'the product id',
    described: ProductIdParamDescribed,
    served: ProductIdParam,
    inputs: [{ id: 'kg-issyk-kul-white-honey' }, { id: 'KG-Honey' }, { id: '' }, { id: 'a'.repeat(81) }, {}],
  },
];

describe('the catalogue contract and the catalogue app', () => {
  it.each(twins)('$name has the same JSON Schema described as served', ({ described, served }) => {
    expect(toJSONSchema(served, { io: 'input' })).toEqual(toJSONSchema(described, { io: 'input' }));
  });

  it.each(twins)('$name accepts and refuses the same inputs with the same messages', ({ described, served, inputs }) => {
    for (const input of inputs) {
      const a = described.safeParse(input);
      const b = served.safeParse(input);
      expect({ input, success: b.success }).toEqual({ input, success: a.success });
      if (a.success && b.success) expect(b.data).toEqual(a.data);
      if (!a.success && !b.success) expect(b.error.issues.map(({ path, message }) => ({ path, message }))).toEqual(a.error.issues.map(({ path, message }) => ({ path, message })));
    }
  });

  it('serves exactly the routes the contract describes', () => {
    const app = createCatalogueApp({ catalogue: {} as never });
    // A route with a validator is listed twice (the validator, then the handler): compare the sets.
    const served = new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`));
    const described = new Set(CATALOGUE_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(served).toEqual(described);
    expect(described.size).toBe(4);
  });
});
