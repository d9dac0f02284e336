import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { launchBrowser } from './browser.js';

/**
 * The whole local store (its own in-memory DynamoDB Local, seeded table, built site, API) on a free port,
 * exactly as `npm start` runs it, for browser tests.
 */
export function startTestStack(): Promise<LocalStack> {
  return startLocalStack({ port: 0 });
}

/** One store and one Chromium for a browser test file: started before its tests, stopped after them. */
export function useStoreAndBrowser(): { readonly stack: LocalStack; readonly browser: Browser } {
  const env = {} as { stack: LocalStack; browser: Browser };
  beforeAll(async () => {
    env.stack = await startTestStack();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.stop();
  });
  return env;
}
