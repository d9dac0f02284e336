import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { catalogueItemKind, withoutKeys } from '../adapters/dynamodb/keys.js';
import { sharedPowertoolsTelemetry } from '../adapters/observability/powertools-telemetry.js';
import { touchesPublishedPages } from '../domain/publishing.js';
import { loggingFailures } from './log-failures.js';

/**
 * Republishes the static site when the catalogue changes: the table's stream (filtered to the
 * product and pavilion partitions, batched for up to 300 s by the event source mapping, which is
 * the debounce) arrives here and starts the site build project (infra/constructs/republishing.ts).
 */

/**
 * True when a record changes what the static pages show: a product or pavilion item (not a stock
 * movement beside it), changed as the shared rule in domain/publishing.ts counts a change.
 */
export function changesPublishedPages(record: DynamoDBRecord): boolean {
  const key = record.dynamodb?.Keys;
  if (!catalogueItemKind({ PK: key?.PK?.S, SK: key?.SK?.S })) return false;
  const before = record.eventName === 'INSERT' ? null : withoutKeys(record.dynamodb?.OldImage ?? {});
  const after = record.eventName === 'REMOVE' ? null : withoutKeys(record.dynamodb?.NewImage ?? {});
  return touchesPublishedPages(before, after);
}

export interface RepublishDeps {
  startBuild(): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** Milliseconds left before the Lambda times out. */
  remainingMs(): number;
}

const RETRY_EVERY_MS = 20_000;

/**
 * The build project allows one build at a time (CodeBuild then refuses StartBuild with
 * AccountLimitExceededException). A build already running may have read the table before this
 * change, so wait for it and start another; if time runs out, throw and let the stream retry.
 */
export async function republish(event: DynamoDBStreamEvent, deps: RepublishDeps): Promise<'started' | 'nothing to publish'> {
  if (!event.Records.some(changesPublishedPages)) return 'nothing to publish';
  for (;;) {
    try {
      await deps.startBuild();
      return 'started';
    } catch (error) {
      const busy = error instanceof Error && error.name === 'AccountLimitExceededException';
      if (!busy || deps.remainingMs() < RETRY_EVERY_MS * 2) throw error;
      await deps.sleep(RETRY_EVERY_MS);
    }
  }
}

let codeBuild: CodeBuildClient | undefined;

export const handler = loggingFailures(async (event: DynamoDBStreamEvent, context: { getRemainingTimeInMillis(): number }) => {
  const projectName = process.env.SITE_BUILD_PROJECT;
  if (!projectName) throw new Error('SITE_BUILD_PROJECT is not set');
  codeBuild ??= new CodeBuildClient({});
  const client = codeBuild;
  const outcome = await republish(event, {
    startBuild: async () => {
      await client.send(new StartBuildCommand({ projectName }));
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    remainingMs: () => context.getRemainingTimeInMillis(),
  });
  sharedPowertoolsTelemetry().info('republish', { outcome, records: event.Records.length });
  return outcome;
});
