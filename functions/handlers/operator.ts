import { handle } from 'hono/aws-lambda';
import { readConfig, type Config } from '../config.js';
import { mountApi } from '../http/api-root.js';
import { createOperatorApp } from '../http/operator-app.js';
import { OPERATOR_DEPS, type OperatorDeps } from '../http/operator-deps.js';
import { lazyDeps } from '../usecases/lazy-deps.js';
import { wireBase } from './wire-common.js';
import { wireOperatorFunction } from './wire-operator.js';

const config = readConfig();
assertOperatorConfig(config);

/** The operators' Lambda: /api/operator/*, behind Cognito tokens of the operators group, verified in the app. */
const deps = lazyDeps<OperatorDeps>(wireOperatorFunction(wireBase(config)), OPERATOR_DEPS);
export const handler = handle(mountApi(() => deps.telemetry, [createOperatorApp(deps)]));

/** Without an issuer it could admit nobody, and without the identity key it could open no ID number: refuse to start. */
function assertOperatorConfig(settings: Config): void {
  const missing: string[] = (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => !settings[name]);
  if (!settings.IDENTITY_KMS_KEY_ARN && !settings.IDENTITY_KEY_FILE) missing.push('IDENTITY_KMS_KEY_ARN (or IDENTITY_KEY_FILE locally)');
  if (missing.length > 0) throw new Error(`Invalid configuration: the operator app needs ${missing.join(', ')}`);
}
