import { BatchGetCommand, paginateQuery, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettlementAction } from '../../domain/audit.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import { DEFAULT_COMMISSION_BP, type LedgerEntry, type LedgerRecord } from '../../domain/settlement.js';
import { LedgerAccountChangedError, type LedgerAccount, type LedgerStore } from '../../ports/ledger-store.js';
import { failedConditions, withConflictRetry } from './conflict-retry.js';
import { keyCondition, keys, queries, withoutKeys } from './keys.js';
import { type TransactItem } from './transact.js';


/**
 * Ledger records as transaction items, for the transaction that causes them (order-store.ts,
 * refund-store.ts, and the operators' writes below). Each is put only if its key is new: the key is
 * made from the record's deterministic id, so a retried transaction can never append it twice.
 */
export function ledgerPuts(tableName: string, records: readonly LedgerRecord[] | undefined): TransactItem[] {
  return (records ?? []).map((record) => ({
    Put: {
      TableName: tableName,
      Item: { ...keys.ledgerRecord(record.pavilion, record.at, record.recordId), type: 'ledger_record', ...record },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }));
}

/** The settlement ledger on the single table: one partition per pavilion, records sorted by time. */
export class DynamoLedgerStore implements LedgerStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async accounts(pavilions: readonly PavilionCode[]): Promise<ReadonlyMap<PavilionCode, LedgerAccount>> {
    const unique = [...new Set(pavilions)];
    const found = new Map<PavilionCode, LedgerAccount>(unique.map((pavilion) => [pavilion, { pavilion, commissionBp: DEFAULT_COMMISSION_BP, version: 0 }]));
    // BatchGetItem takes 100 keys at most; the store has a few dozen pavilions.
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
        [this.tableName]: { Keys: unique.slice(i, i + 100).map((pavilion) => keys.ledgerAccount(pavilion)), ConsistentRead: true },
      };
      while (request && Object.keys(request).length > 0) {
        const answer = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of answer.Responses?.[this.tableName] ?? []) {
          const account = withoutKeys(item) as unknown as LedgerAccount;
          found.set(account.pavilion, { pavilion: account.pavilion, commissionBp: account.commissionBp, version: account.version });
        }
        request = answer.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  async entries(pavilion: PavilionCode, start: string | null, end: string): Promise<readonly LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    const pages = paginateQuery({ client: this.doc }, { TableName: this.tableName, ...keyCondition(queries.ledgerRecords(pavilion, start, end)), ConsistentRead: true });
    for await (const page of pages) for (const item of page.Items ?? []) entries.push(...((item as { entries?: LedgerEntry[] }).entries ?? []));
    return entries;
  }

  async appendByOperator(record: LedgerRecord, account: LedgerAccount, audit: SettlementAction): Promise<void> {
    await this.operatorWrite([...ledgerPuts(this.tableName, [record]), this.accountBump(account, null), this.auditPut(audit)]);
  }

  async setCommissionRate(account: LedgerAccount, commissionBp: number, audit: SettlementAction): Promise<void> {
    await this.operatorWrite([this.accountBump(account, commissionBp), this.auditPut(audit)]);
  }

  async actions(pavilion: PavilionCode): Promise<readonly SettlementAction[]> {
    const actions: SettlementAction[] = [];
    const pages = paginateQuery({ client: this.doc }, { TableName: this.tableName, ...keyCondition(queries.ledgerActions(pavilion)) });
    for await (const page of pages) for (const item of page.Items ?? []) actions.push(withoutKeys(item) as unknown as SettlementAction);
    return actions;
  }

  /** The account's version moves on with every operator write: two payouts read against one balance cannot both pass. */
  private accountBump(account: LedgerAccount, commissionBp: number | null): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.ledgerAccount(account.pavilion),
        UpdateExpression: 'SET pavilion = :pavilion, commissionBp = :bp, version = :next, #type = :type',
        ConditionExpression: account.version === 0 ? 'attribute_not_exists(version)' : 'version = :was',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pavilion': account.pavilion, ':bp': commissionBp ?? account.commissionBp, ':next': account.version + 1, ':type': 'ledger_account',
          ...(account.version === 0 ? {} : { ':was': account.version }),
        },
      },
    };
  }

  private auditPut(audit: SettlementAction): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.ledgerAction(audit.pavilion, audit.at, audit.actionId), type: 'settlement_action', ...audit },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  private async operatorWrite(items: TransactItem[]): Promise<void> {
    try {
      await withConflictRetry(() => this.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      if (failedConditions(error)) throw new LedgerAccountChangedError();
      throw error;
    }
  }
}
