import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApiDocument } from '../../functions/http/openapi-document.js';

/** Where the document lands in the site: CloudFront serves this path from the site bucket (infra/constructs/static-site.ts). */
export const OPENAPI_SITE_PATH = 'api/openapi.json';

/**
 * Writes the API's OpenAPI document into the built site, generated from the zod schemas of every app at
 * build time: no Lambda generates it on a request, so none bundles the apps it does not serve.
 */
export async function writeOpenApiFile(siteDir: string): Promise<string> {
  const file = join(siteDir, OPENAPI_SITE_PATH);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, JSON.stringify(openApiDocument()));
  return file;
}
