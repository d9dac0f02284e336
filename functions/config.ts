import { z } from 'zod';
import { RATES_FRESH_FOR_HOURS } from './domain/exchange-rates.js';

/** Configuration comes from the environment only, checked once at start-up so a typo fails loudly. */
const EnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().default('ap-east-1'),
  /** Set locally to DynamoDB Local's URL; unset in AWS. */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  /** The public origin of the site, for Stripe's success and cancel URLs. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:4321'),
  /** Stripe keys (sk_test_... in test mode); only the shop and webhook functions need them. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret key').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'a Stripe webhook signing secret').optional(),
  /** In AWS the Stripe keys live in Secrets Manager ({"secretKey","webhookSecret"}); read once per cold start. */
  STRIPE_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** Set locally to the Stripe-compatible server (http://127.0.0.1:12111); unset talks to api.stripe.com. */
  STRIPE_API_BASE: z.string().url().optional(),
  /** Pavilion managers' tokens: the issuer (Cognito user pool URL, or the local issuer at <origin>/auth) and app client id. */
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** Defaults to <AUTH_ISSUER>/.well-known/jwks.json (Cognito's and the local issuer's path). */
  AUTH_JWKS_URL: z.string().url().optional(),
  /** Where the workspace sends managers to sign in (Cognito managed login URL; locally /auth/sign-in). */
  AUTH_SIGN_IN_URL: z.string().min(1).optional(),
  /** Where sign-out ends the identity provider's session (Cognito's /logout; locally /auth/sign-out). */
  AUTH_SIGN_OUT_URL: z.string().min(1).optional(),
  /** The same two for the operator console: the same identity provider, returning to /operator/. */
  AUTH_OPERATOR_SIGN_IN_URL: z.string().min(1).optional(),
  AUTH_OPERATOR_SIGN_OUT_URL: z.string().min(1).optional(),
  /** Listing images: the bucket in AWS (presigned uploads), or a local folder served at MEDIA_BASE_URL. */
  IMAGES_BUCKET: z.string().min(3).optional(),
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_BASE_URL: z.string().default('/media'),
  /**
   * Buyers' ID numbers. In AWS a KMS key makes and unwraps the data keys that seal them (the shop may
   * only make, the operator app only unwrap) and a Secrets Manager secret, the shop's alone, is the
   * HMAC key of the yearly count. Locally one key file under .data/ stands in for both.
   */
  IDENTITY_KMS_KEY_ARN: z.string().startsWith('arn:').optional(),
  IDENTITY_HASH_SECRET_ARN: z.string().startsWith('arn:').optional(),
  IDENTITY_KEY_FILE: z.string().min(1).optional(),
  /** AWS: the HMAC key orders are filed under by their shopper's email (shop) and found by (operators); locally derived from IDENTITY_KEY_FILE. */
  SHOPPER_LOOKUP_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** AWS: the managers' user pool, where operators invite managers (Cognito AdminCreateUser). */
  MANAGER_POOL_ID: z.string().min(1).optional(),
  /**
   * How long loaded exchange rates may be charged at, in hours (default 48): past that, checkout
   * answers 503 for any cart that converts a currency, until a refresh loads new ones.
   */
  RATES_MAX_AGE_HOURS: z.coerce.number().int().positive().max(24 * 30).default(RATES_FRESH_FOR_HOURS),
  /** Where the rates refresh reads the Bank of Russia's daily XML; its own URL when unset (a mirror, or a local server in tests). */
  RATES_FEED_URL: z.string().url().optional(),
  /** The mail function's sender (an address of the SES identity, infra/constructs/mail.ts) and its configuration set. */
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
  /** HMAC key of local upload URLs; random per process when unset. */
  UPLOAD_SIGNING_SECRET: z.string().min(16).optional(),
});

export type Config = z.infer<typeof EnvSchema>;

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}
