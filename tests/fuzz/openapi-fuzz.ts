import { Agent, request } from 'node:http';
import { fuzzRequest, operationsOf, type FuzzRequest, type FuzzTokens, type OpenApiDocument } from './requests.js';
import { pickFrom, seededRandom } from './schema-values.js';

/**
 * Sends `count` malformed requests, drawn from the OpenAPI document with `seed`, over ONE
 * kept-alive connection (an agent with a single socket, as a browser or SDK reuses one), and
 * reports what the house rules forbid: a 5xx, a 4xx that is not application/problem+json, and a
 * connection dropped under a request (issue 14, item 13).
 */
export interface FuzzOptions {
  readonly baseUrl: string;
  readonly document: OpenApiDocument;
  readonly tokens: FuzzTokens;
  readonly count: number;
  readonly seed: number;
  /** Called every 1,000 requests. */
  readonly progress?: (done: number) => void;
}

export interface FuzzReport {
  readonly requests: number;
  readonly statuses: Record<number, number>;
  /** 5xx answers and 4xx answers without problem+json. */
  readonly failures: string[];
  /** Requests whose connection was closed or reset under them. */
  readonly dropped: string[];
  /** Sockets the one-socket agent opened, and answers that said Connection: close (each a fair reason for a new socket). */
  readonly socketsOpened: number;
  readonly closesAnnounced: number;
  /**
   * New sockets with no reason: the one before was closed although its last answer kept it alive.
   * (Node's client and undici close the socket after a HEAD themselves, so that is a reason too.)
   */
  readonly silentCloses: string[];
  readonly operations: number;
  readonly operationsHit: number;
}

/** A request that gets no answer in this time counts as dropped. */
const REQUEST_TIMEOUT_MS = 30_000;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const random = seededRandom(options.seed);
  const operations = operationsOf(options.document);
  if (operations.length === 0) throw new Error('The OpenAPI document lists no operations');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new WeakSet<object>();
  const hit = new Set<string>();
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  const dropped: string[] = [];
  let socketsOpened = 0;
  let closesAnnounced = 0;
  let previous = 'none yet';
  let socketMayClose = true;
  const silentCloses: string[] = [];
  try {
    for (let index = 0; index < options.count; index++) {
      const sent = fuzzRequest(pickFrom(random, operations), options.document, options.tokens, random);
      hit.add(sent.operation);
      const label = `#${index} ${sent.method} ${sent.target.slice(0, 100)} (${sent.operation}; ${sent.mutation})`;
      try {
        const answer = await send(options.baseUrl, sent, agent, (socket) => {
          if (!sockets.has(socket)) {
            sockets.add(socket);
            socketsOpened += 1;
            if (!socketMayClose) silentCloses.push(`new socket for #${index} after ${previous}`);
          }
        });
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (answer.closes) closesAnnounced += 1;
        socketMayClose = answer.closes || sent.method === 'HEAD';
        if (answer.status >= 500) failures.push(`${answer.status} ${label}`);
        else if (answer.status >= 400 && !answer.type.startsWith('application/problem+json')) failures.push(`${answer.status} without problem+json (${answer.type || 'no type'}) ${label}`);
        previous = `${answer.status} ${label}`;
      } catch (error) {
        dropped.push(`${(error as NodeJS.ErrnoException).code ?? (error as Error).message} ${label}, after ${previous}`);
        previous = `dropped ${label}`;
        socketMayClose = true;
      }
      if ((index + 1) % 1000 === 0) options.progress?.(index + 1);
    }
  } finally {
    agent.destroy();
  }
  return { requests: options.count, statuses, failures, dropped, socketsOpened, closesAnnounced, silentCloses, operations: operations.length, operationsHit: hit.size };
}

function send(baseUrl: string, sent: FuzzRequest, agent: Agent, onSocket: (socket: object) => void): Promise<{ status: number; type: string; closes: boolean }> {
  return new Promise((resolve, reject) => {
    // A body is framed by its length unless the request asks for chunks (Node frames a GET's body by neither on its own).
    const headers = sent.body === undefined || sent.headers['transfer-encoding'] ? sent.headers : { ...sent.headers, 'content-length': String(Buffer.byteLength(sent.body)) };
    const req = request(new URL(sent.target, baseUrl), { method: sent.method, headers, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), closes: res.headers.connection === 'close' }));
    });
    req.on('socket', onSocket);
    req.on('timeout', () => req.destroy(Object.assign(new Error('no answer in time'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(sent.body);
  });
}
