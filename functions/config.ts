import { z } from 'zod';

/** Configuration comes from the environment only, checked once at start-up so a typo fails loudly. */
const EnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().default('ap-east-1'),
  /** Set locally to DynamoDB Local's URL; unset in AWS. */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  /** The public origin of the site, for Stripe's success and cancel URLs. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:4321'),
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
