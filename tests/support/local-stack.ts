import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';

/**
 * The whole local store (its own in-memory DynamoDB Local, seeded table, built site, API) on a free port,
 * exactly as `npm start` runs it, for browser tests.
 */
export function startTestStack(): Promise<LocalStack> {
  return startLocalStack({ port: 0 });
}
