import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../../ports/store-busy.js';

export interface DynamoConnection {
  /** Set locally (DynamoDB Local); unset in AWS, where the SDK finds the regional endpoint. */
  readonly endpoint?: string;
  readonly region: string;
}

export function createDynamoClients(connection: DynamoConnection) {
  const raw = new DynamoDBClient({
    region: connection.region,
    ...(connection.endpoint
      ? { endpoint: connection.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  // Outermost (initialize), so it sees only what is left once the SDK's own retries gave up.
  raw.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isStoreOutage(error)) throw new StoreUnavailableError({ cause: error });
        throw error;
      }
    },
    { step: 'initialize', name: 'storeOutageAsUnavailable', priority: 'high' },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { raw, doc };
}

/** DynamoDB's names for "too much at once": the SDK retries them a few times, then hands them on. */
const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'TransactionInProgressException']);
/** The SDK's names for a request that got no answer in time. */
const TIMED_OUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Node's codes for a connection that was refused, dropped or never made. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * A failure of the database or the way to it, not of the request: throttling, a timeout, a network
 * error, or a 5xx answer (InternalServerError; DynamoDB Local failing under load). Condition
 * failures, cancelled transactions, validation errors and aborts (all 4xx or ours) stay as they are.
 */
export function isStoreOutage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, $metadata } = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (name === 'AbortError') return false;
  if (name && (THROTTLED.has(name) || TIMED_OUT.has(name))) return true;
  if (code && NETWORK_CODES.has(code)) return true;
  const status = $metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}
