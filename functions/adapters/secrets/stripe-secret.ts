import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from '../../zod-mini.js';

/**
 * The Stripe keys, kept in one Secrets Manager secret that the operator fills after the first deploy:
 *   {"secretKey":"sk_live_…","webhookSecret":"whsec_…"}
 * (restricted keys `rk_…` work too). Read once per cold start: the secret changes only when the
 * operator rotates the keys in Stripe, and a new cold start picks that up.
 */
const StripeSecretSchema = z.object({
  secretKey: z.string().check(z.regex(/^(sk|rk)_(test|live)_\S+$/)),
  webhookSecret: z.string().check(z.regex(/^whsec_\S+$/)),
});

export type StripeSecret = z.infer<typeof StripeSecretSchema>;

export interface SecretsClient {
  send(command: GetSecretValueCommand): Promise<{ SecretString?: string | undefined }>;
}

/** Fetches and checks the secret. Error messages never quote the secret's text. */
export async function fetchStripeSecret(client: SecretsClient, secretArn: string): Promise<StripeSecret> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  const help = `set it with: aws secretsmanager put-secret-value --secret-id ${secretArn} --secret-string '{"secretKey":"sk_…","webhookSecret":"whsec_…"}'`;
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    // JSON.parse's message quotes the input, which here is a secret.
    throw new Error(`The Stripe secret is not JSON; ${help}`);
  }
  const parsed = StripeSecretSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new Error(`The Stripe secret is missing or has malformed fields (${fields}); ${help}`);
  }
  return parsed.data;
}

/**
 * A reader that asks Secrets Manager once and then answers from memory.
 * A failed read is not cached, so the next request tries again.
 */
export function createStripeSecretReader(client: SecretsClient, secretArn: string): () => Promise<StripeSecret> {
  let pending: Promise<StripeSecret> | undefined;
  return () => {
    pending ??= fetchStripeSecret(client, secretArn).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

let moduleReader: (() => Promise<StripeSecret>) | undefined;

/** The Lambda side: the secret named by STRIPE_SECRET_ARN, cached in module scope for the life of the container. */
export function readStripeSecret(env: Record<string, string | undefined> = process.env): Promise<StripeSecret> {
  if (!moduleReader) {
    const secretArn = env.STRIPE_SECRET_ARN;
    if (!secretArn) return Promise.reject(new Error('STRIPE_SECRET_ARN is not set'));
    moduleReader = createStripeSecretReader(new SecretsManagerClient({}), secretArn);
  }
  return moduleReader();
}
