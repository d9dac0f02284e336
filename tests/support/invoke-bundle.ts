import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const RESULT = 'INVOKE-RESULT ';

export interface Invocation {
  /** What the handler returned (an HTTP API response for an API function). */
  readonly result: { statusCode?: number; headers?: Record<string, string>; body?: string } & Record<string, unknown>;
  /** Every JSON line the function wrote to stdout or stderr (Powertools writes errors to stderr): its logs. */
  readonly logs: readonly Record<string, unknown>[];
}

/**
 * Imports a bundle in a fresh `node` (no tsx, no NODE_OPTIONS: as Lambda would, less its runtime) and
 * calls its handler once with `event`, so a test sees what the deployed file does.
 */
export async function invokeBundle(file: string, event: unknown, env: Record<string, string>): Promise<Invocation> {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});
const result = await handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 10000 });
process.stdout.write(${JSON.stringify(RESULT)} + JSON.stringify(result) + '\\n');`;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', ...env },
  });
  const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.trim() !== '');
  const last = lines.find((line) => line.startsWith(RESULT));
  if (!last) throw new Error(`The handler returned nothing; it wrote:\n${stdout}\n${stderr}`);
  const logs = lines.filter((line) => !line.startsWith(RESULT) && line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { result: JSON.parse(last.slice(RESULT.length)) as Invocation['result'], logs };
}
