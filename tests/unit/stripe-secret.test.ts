import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStripeSecretReader, readStripeSecret } from '../../functions/adapters/secrets/stripe-secret.js';

/** The error a promise rejects with (fails the test if it resolves). */
const failureOf = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (error: unknown) => error as Error,
  );

const ARN = 'arn:aws:secretsmanager:ap-east-1:111111111111:secret:StripeKeys-AbCdEf';

/** A stand-in for the Secrets Manager endpoint, so the real SDK signs, sends and parses GetSecretValue. */
let server: Server;
let secretString: string | undefined;
let requests: Array<{ target: string | undefined; body: unknown }> = [];
let client: SecretsManagerClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ target: req.headers['x-amz-target'] as string | undefined, body: JSON.parse(body) });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ ARN, Name: 'StripeKeys', ...(secretString === undefined ? {} : { SecretString: secretString }) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new SecretsManagerClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  secretString = JSON.stringify({ secretKey: 'sk_test_51abc', webhookSecret: 'whsec_xyz' });
});

describe('the Stripe secret', () => {
  it('is read from Secrets Manager by ARN and returned as {secretKey, webhookSecret}', async () => {
    const read = createStripeSecretReader(client, ARN);
    await expect(read()).resolves.toEqual({ secretKey: 'sk_test_51abc', webhookSecret: 'whsec_xyz' });
    expect(requests).toEqual([{ target: 'secretsmanager.GetSecretValue', body: { SecretId: ARN } }]);
  });

  it('is fetched once per cold start, however many requests ask for it at once', async () => {
    const read = createStripeSecretReader(client, ARN);
    await Promise.all([read(), read(), read()]);
    await read();
    expect(requests).toHaveLength(1);
  });

  it('is not cached when the read fails, so the next request tries again', async () => {
    secretString = 'not json';
    const read = createStripeSecretReader(client, ARN);
    await expect(read()).rejects.toThrow(/not JSON/);
    secretString = JSON.stringify({ secretKey: 'rk_live_42', webhookSecret: 'whsec_1' });
    await expect(read()).resolves.toEqual({ secretKey: 'rk_live_42', webhookSecret: 'whsec_1' });
    expect(requests).toHaveLength(2);
  });

  it('still holding the random placeholder tells the operator how to set it, without echoing the value', async () => {
    secretString = 'Xq7!placeholder-value';
    const error = await failureOf(createStripeSecretReader(client, ARN)());
    expect(error.message).toContain('aws secretsmanager put-secret-value');
    expect(error.message).not.toContain('Xq7');
  });

  it('with a malformed key names the field, not its value', async () => {
    secretString = JSON.stringify({ secretKey: 'pk_test_publishable', webhookSecret: 'whsec_ok' });
    const error = await failureOf(createStripeSecretReader(client, ARN)());
    expect(error.message).toContain('secretKey');
    expect(error.message).not.toContain('pk_test_publishable');
  });

  it('needs STRIPE_SECRET_ARN in the Lambda environment', async () => {
    await expect(readStripeSecret({})).rejects.toThrow('STRIPE_SECRET_ARN is not set');
  });
});
