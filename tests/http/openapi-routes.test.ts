import { describe, expect, it } from 'vitest';
import { createApi, openApiDocument } from '../../functions/http/api.js';

/**
 * Every route the API serves, as clients know it. Written out by hand: moving handlers between
 * files (the pavilion app split by resource, use cases out of http) must not add, drop or rename
 * one. A new route is added here on purpose.
 */
const ROUTES = [
  'GET /api/carts/{id}',
  'GET /api/operator/attention',
  'GET /api/operator/balances',
  'GET /api/operator/me',
  'GET /api/operator/orders/{id}',
  'GET /api/operator/orders/{orderId}/customs',
  'GET /api/operator/pavilions',
  'GET /api/operator/refunds',
  'GET /api/operator/session-config',
  'GET /api/operator/statements',
  'GET /api/orders/{id}',
  'GET /api/pavilion/freight',
  'GET /api/pavilion/imports/template.csv',
  'GET /api/pavilion/listings',
  'GET /api/pavilion/listings/{id}',
  'GET /api/pavilion/listings/{id}/stock',
  'GET /api/pavilion/me',
  'GET /api/pavilion/orders',
  'GET /api/pavilion/session-config',
  'GET /api/pavilion/statements',
  'GET /api/pavilions',
  'GET /api/products',
  'GET /api/products/{id}',
  'GET /api/rates',
  'POST /api/carts',
  'POST /api/checkout',
  'POST /api/operator/orders/search',
  'POST /api/operator/orders/{id}/refund',
  'POST /api/operator/pavilions/{code}/adjustments',
  'POST /api/operator/pavilions/{code}/managers',
  'POST /api/operator/pavilions/{code}/payouts',
  'POST /api/operator/pavilions/{code}/reinstatement',
  'POST /api/operator/pavilions/{code}/suspension',
  'POST /api/orders/{id}/cancel',
  'POST /api/orders/{id}/lines/{lineNo}/return',
  'POST /api/pavilion/imports',
  'POST /api/pavilion/listings',
  'POST /api/pavilion/listings/{id}/archive',
  'POST /api/pavilion/listings/{id}/images',
  'POST /api/pavilion/listings/{id}/restore',
  'POST /api/pavilion/listings/{id}/stock',
  'POST /api/pavilion/orders/{orderId}/lines/{lineNo}/refund',
  'POST /api/pavilion/orders/{orderId}/lines/{lineNo}/return/accept',
  'POST /api/pavilion/orders/{orderId}/lines/{lineNo}/return/decline',
  'POST /api/pavilion/orders/{orderId}/lines/{lineNo}/return/received',
  'POST /api/pavilion/orders/{orderId}/lines/{lineNo}/shipment',
  'POST /api/webhooks/stripe',
  'PUT /api/carts/{id}/lines/{productId}',
  'PUT /api/operator/pavilions/{code}/commission',
  'PUT /api/pavilion/freight',
  'PUT /api/pavilion/listings/{id}',
  'PUT /api/pavilion/uploads/{productId}/{file}',
];

describe('the API’s routes', () => {
  it('are described in /api/openapi.json exactly as clients have always called them', () => {
    const { paths } = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const described = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(ROUTES);
  });

  it('are all served, and nothing undescribed is served besides the document itself', () => {
    const api = createApi({} as never);
    const served = api.routes
      .filter((route) => route.method !== 'ALL' && route.path !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.path.replaceAll(/:([^/]+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(ROUTES);
  });
});
