import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One command as DynamoDB saw it: what it read, through which index, whether it filtered, and what it cost. */
export interface RecordedDynamoCall {
  /** The operation, as the SDK names it without "Command": Query, GetItem, TransactWriteItems, ... */
  readonly command: string;
  readonly table?: string;
  readonly index?: string;
  /** A FilterExpression (or the legacy QueryFilter/ScanFilter): items read and then thrown away. */
  readonly filter: boolean;
  readonly readUnits: number;
  readonly writeUnits: number;
}

/** The operations that accept ReturnConsumedCapacity (the DynamoDB API reference); others must not be sent it. */
const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

let recorders = 0;

/**
 * Records every command sent through `doc` (and through the DynamoDBClient it wraps: the document
 * client shares its middleware stack) and asks DynamoDB for its consumed capacity
 * (ReturnConsumedCapacity TOTAL, unless the caller asked for INDEXES). DynamoDB Local answers
 * ConsumedCapacity like DynamoDB does, so tests and the bench can bound what one request reads.
 * A failed command is recorded with 0 units (DynamoDB reports none for it).
 */
export function recordDynamoCalls(doc: DynamoDBDocumentClient): { calls: RecordedDynamoCall[]; reset(): void } {
  const calls: RecordedDynamoCall[] = [];
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? '').replace(/Command$/, '');
      const sent = args.input as Record<string, unknown>;
      const measured = READS.has(command) || WRITES.has(command);
      // A copy: the caller's input object is left as it was.
      const input = measured && sent.ReturnConsumedCapacity !== 'INDEXES' ? { ...sent, ReturnConsumedCapacity: 'TOTAL' } : sent;
      let consumed: unknown;
      try {
        const result = await next({ ...args, input });
        consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        return result;
      } finally {
        calls.push({ command, ...where(input), filter: hasFilter(input), ...units(command, consumed) });
      }
    },
    { step: 'initialize', name: `recordDynamoCalls${++recorders}` },
  );
  return { calls, reset: () => void calls.splice(0) };
}

function where(input: Record<string, unknown>): { table?: string; index?: string } {
  const table =
    (input.TableName as string | undefined) ??
    firstKey(input.RequestItems) ??
    firstTransactTable(input.TransactItems);
  const index = input.IndexName as string | undefined;
  return { ...(table ? { table } : {}), ...(index ? { index } : {}) };
}

const firstKey = (map: unknown) => (map && typeof map === 'object' ? Object.keys(map)[0] : undefined);

function firstTransactTable(items: unknown): string | undefined {
  if (!Array.isArray(items)) return undefined;
  for (const item of items as Record<string, { TableName?: string } | undefined>[]) {
    for (const part of Object.values(item)) if (part?.TableName) return part.TableName;
  }
  return undefined;
}

const hasFilter = (input: Record<string, unknown>) => Boolean(input.FilterExpression || input.QueryFilter || input.ScanFilter);

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

/** Sums the capacity (one object, or one per table for batches and transactions) into read and write units. */
function units(command: string, consumed: unknown): { readUnits: number; writeUnits: number } {
  const parts = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Capacity[];
  let readUnits = 0;
  let writeUnits = 0;
  for (const part of parts) {
    if (part.ReadCapacityUnits !== undefined || part.WriteCapacityUnits !== undefined) {
      readUnits += part.ReadCapacityUnits ?? 0;
      writeUnits += part.WriteCapacityUnits ?? 0;
    } else if (READS.has(command)) readUnits += part.CapacityUnits ?? 0;
    else writeUnits += part.CapacityUnits ?? 0;
  }
  return { readUnits, writeUnits };
}
