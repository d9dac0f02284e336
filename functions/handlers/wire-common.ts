import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClients } from '../adapters/dynamodb/client.js';
import { sharedPowertoolsTelemetry } from '../adapters/observability/powertools-telemetry.js';
import type { Config } from '../config.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { Telemetry } from '../ports/telemetry.js';

/** What every function's wiring starts from: its settings, one DynamoDB document client, telemetry, the clock. */
export interface WiringBase {
  readonly config: Config;
  readonly doc: DynamoDBDocumentClient;
  readonly telemetry: Telemetry;
  readonly clock: Clock;
}

export function wireBase(config: Config): WiringBase {
  const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  return { config, doc, telemetry: sharedPowertoolsTelemetry(telemetryOptions(config)), clock: systemClock };
}

/**
 * In AWS the stack sets POWERTOOLS_LOG_LEVEL on every function. Locally (DynamoDB Local in use)
 * `npm start` shows warnings and errors only, unless POWERTOOLS_LOG_LEVEL asks for more.
 */
function telemetryOptions(config: Config): { logLevel?: 'WARN' } {
  return config.DYNAMODB_ENDPOINT && !process.env.POWERTOOLS_LOG_LEVEL ? { logLevel: 'WARN' } : {};
}
