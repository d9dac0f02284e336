import { handle } from 'hono/aws-lambda';
import { readConfig, type Config } from '../config.js';
import { createApi } from '../http/api.js';
import { wireDeps } from './wire.js';

const config = readConfig();
assertOperatorConfig(config);

/** The operators' Lambda: /api/operator/*, behind Cognito tokens of the operators group, verified in the app. */
export const handler = handle(createApi(wireDeps(config), ['operator']));

/** Without an issuer it could admit nobody, and without the identity key it could open no ID number: refuse to start. */
function assertOperatorConfig(settings: Config): void {
  const missing: string[] = (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => !settings[name]);
  if (!settings.IDENTITY_KMS_KEY_ARN && !settings.IDENTITY_KEY_FILE) missing.push('IDENTITY_KMS_KEY_ARN (or IDENTITY_KEY_FILE locally)');
  if (missing.length > 0) throw new Error(`Invalid configuration: the operator app needs ${missing.join(', ')}`);
}
