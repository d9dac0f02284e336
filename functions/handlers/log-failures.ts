import { sharedPowertoolsTelemetry } from '../adapters/observability/powertools-telemetry.js';

/**
 * A scheduled or event-driven handler whose failure is logged with its stack mapped to the sources
 * (adapters/observability/mapped-stack.ts) before Lambda sees it, retries it and logs it minified.
 * Only the error's name is logged with it: a message may quote what the failed call was given.
 */
export function loggingFailures<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      sharedPowertoolsTelemetry().error('invocation failed', { error: error instanceof Error ? error.name : typeof error }, error);
      throw error;
    }
  };
}
