import * as z from './zod-mini.js';
import { RATES_FRESH_FOR_HOURS } from './domain/exchange-rates.js';

/** Configuration comes from the environment only, checked once at start-up so a typo fails loudly. */
const EnvSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string(), 'ap-east-1'),
  /** Set locally to DynamoDB Local's URL; unset in AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** The public origin of the site, for Stripe's success and cancel URLs. */
  PUBLIC_BASE_URL: z._default(z.url(), 'http://localhost:4321'),
  /** Stripe keys (sk_test_... in test mode); only the shop and webhook functions need them. */
  STRIPE_SECRET_KEY: z.optional(z.string().check(z.regex(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret key'))),
  STRIPE_WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^whsec_\w+$/, 'a Stripe webhook signing secret'))),
  /** In AWS the Stripe keys live in Secrets Manager ({"secretKey","webhookSecret"}); read once per cold start. */
  STRIPE_SECRET_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  /** Set locally to the Stripe-compatible server (http://127.0.0.1:12111); unset talks to api.stripe.com. */
  STRIPE_API_BASE: z.optional(z.url()),
  /** Pavilion managers' tokens: the issuer (Cognito user pool URL, or the local issuer at <origin>/auth) and app client id. */
  AUTH_ISSUER: z.optional(z.url()),
  AUTH_AUDIENCE: z.optional(z.string().check(z.minLength(1))),
  /** Defaults to <AUTH_ISSUER>/.well-known/jwks.json (Cognito's and the local issuer's path). */
  AUTH_JWKS_URL: z.optional(z.url()),
  /** Where the workspace sends managers to sign in (Cognito managed login URL; locally /auth/sign-in). */
  AUTH_SIGN_IN_URL: z.optional(z.string().check(z.minLength(1))),
  /** Where sign-out ends the identity provider's session (Cognito's /logout; locally /auth/sign-out). */
  AUTH_SIGN_OUT_URL: z.optional(z.string().check(z.minLength(1))),
  /** The same two for the operator console: the same identity provider, returning to /operator/. */
  AUTH_OPERATOR_SIGN_IN_URL: z.optional(z.string().check(z.minLength(1))),
  AUTH_OPERATOR_SIGN_OUT_URL: z.optional(z.string().check(z.minLength(1))),
  /** Listing images: the bucket in AWS (presigned uploads), or a local folder served at MEDIA_BASE_URL. */
  IMAGES_BUCKET: z.optional(z.string().check(z.minLength(3))),
  MEDIA_DIR: z.optional(z.string().check(z.minLength(1))),
  MEDIA_BASE_URL: z._default(z.string(), '/media'),
  /**
   * Buyers' ID numbers. In AWS a KMS key makes and unwraps the data keys that seal them (the shop may
   * only make, the operator app only unwrap) and a Secrets Manager secret, the shop's alone, is the
   * HMAC key of the yearly count. Locally one key file under .data/ stands in for both.
   */
  IDENTITY_KMS_KEY_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  IDENTITY_HASH_SECRET_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  IDENTITY_KEY_FILE: z.optional(z.string().check(z.minLength(1))),
  /** AWS: the HMAC key orders are filed under by their shopper's email (shop) and found by (operators); locally derived from IDENTITY_KEY_FILE. */
  SHOPPER_LOOKUP_SECRET_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  /** AWS: the managers' user pool, where operators invite managers (Cognito AdminCreateUser). */
  MANAGER_POOL_ID: z.optional(z.string().check(z.minLength(1))),
  /**
   * How long loaded exchange rates may be charged at, in hours (default 48): past that, checkout
   * answers 503 for any cart that converts a currency, until a refresh loads new ones.
   */
  RATES_MAX_AGE_HOURS: z._default(z.coerce.number().check(z.int(), z.positive(), z.maximum(24 * 30)), RATES_FRESH_FOR_HOURS),
  /** Where the rates refresh reads the Bank of Russia's daily XML; its own URL when unset (a mirror, or a local server in tests). */
  RATES_FEED_URL: z.optional(z.url()),
  /** The mail function's sender (an address of the SES identity, infra/constructs/mail.ts) and its configuration set. */
  MAIL_FROM: z.optional(z.string().check(z.minLength(3))),
  MAIL_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  /** HMAC key of local upload URLs; random per process when unset. */
  UPLOAD_SIGNING_SECRET: z.optional(z.string().check(z.minLength(16))),
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
