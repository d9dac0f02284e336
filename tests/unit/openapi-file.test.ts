import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_APP_SPECS } from '../../infra/constructs/api-apps.js';
import { OPENAPI_SITE_PATH, writeOpenApiFile } from '../../infra/site-build/openapi-file.js';

const siteDir = mkdtempSync(join(tmpdir(), 'openapi-file-'));
afterAll(() => rmSync(siteDir, { recursive: true, force: true }));

describe('the OpenAPI document as a file of the site', () => {
  it('is written at api/openapi.json, generated from every app, and is no route of any function', async () => {
    const file = await writeOpenApiFile(siteDir);
    expect(file).toBe(join(siteDir, 'api', 'openapi.json'));
    expect(OPENAPI_SITE_PATH).toBe('api/openapi.json');
    const document = JSON.parse(readFileSync(file, 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    // One route of each app at least: the catalogue, the shop, the webhooks, the workspace, the operators.
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/products/{id}', '/api/checkout', '/api/webhooks/stripe', '/api/pavilion/listings', '/api/operator/me']));
    // CloudFront serves it from the site bucket (infra/constructs/static-site.ts): API Gateway must not claim it.
    expect(API_APP_SPECS.flatMap((app) => app.routes.map((route) => route.path))).not.toContain('/api/openapi.json');
  });
});
