import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDynamoLocal, type DynamoLocal } from '../../infra/local/dynamodb-local.js';

/** DynamoDB Local as `npm start` runs it: only this process talks to it, never a browser. */
let dynamo: DynamoLocal;
beforeAll(async () => {
  dynamo = await startDynamoLocal();
}, 90_000);
afterAll(async () => dynamo?.stop());

it('gives a page from a foreign origin no CORS permission to call it, before or in the request', async () => {
  const preflight = await fetch(dynamo.endpoint, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-amz-target,x-amz-date',
    },
  });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

  const request = await fetch(dynamo.endpoint, {
    method: 'POST',
    headers: {
      origin: 'https://evil.example',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      authorization: 'AWS4-HMAC-SHA256 Credential=any/20261130/local/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
    },
    body: '{}',
  });
  expect(request.headers.get('access-control-allow-origin')).toBeNull();
});
