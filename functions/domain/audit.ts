/**
 * What an operator did, kept with the order it touched: who (the token's opaque subject, never a
 * name), when, and what. Written in the same transaction as the action itself, so an action without
 * its record (or a record without its action) cannot exist.
 */
export interface OperatorAction {
  readonly actionId: string;
  readonly orderId: string;
  readonly operator: string;
  readonly at: string;
  readonly action: 'refund';
  /** The refund it asked for, and the operator's reason. */
  readonly refundId: string;
  readonly reason: string;
  /** The line refunded, or none: the whole order. */
  readonly lineNo?: number;
}

/** What an operator may do to a pavilion (usecases/operator-pavilions.ts). */
export const PAVILION_ACTIONS = ['invite_manager', 'suspend', 'reinstate'] as const;
export type PavilionActionKind = (typeof PAVILION_ACTIONS)[number];

/**
 * An operator's action on a pavilion, kept under the pavilion: who, when, what and why. An
 * invitation keeps the invitee's email masked (maskEmail): the record says whom, not where to write.
 */
export interface PavilionAction {
  readonly actionId: string;
  readonly pavilion: string;
  readonly operator: string;
  readonly at: string;
  readonly action: PavilionActionKind;
  readonly reason?: string;
  readonly invitee?: string;
}

/** w***@example.com: enough for an operator to recognise an address, not to use it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** What an operator may do to a pavilion's settlement (usecases/settlement.ts). */
export const SETTLEMENT_ACTIONS = ['payout', 'adjustment', 'commission_rate'] as const;
export type SettlementActionKind = (typeof SETTLEMENT_ACTIONS)[number];

/**
 * An operator's settlement action on a pavilion (a payout recorded, an adjustment, a commission rate
 * set), kept with its ledger in the same transaction as the action: who, when, what, and why.
 */
export interface SettlementAction {
  readonly actionId: string;
  readonly pavilion: string;
  readonly operator: string;
  readonly at: string;
  readonly action: SettlementActionKind;
  /** A payout's or adjustment's amount, in the pavilion's currency. */
  readonly amount?: { readonly amount: number; readonly currency: string };
  readonly reference?: string;
  readonly reason?: string;
  readonly commissionBp?: number;
  readonly previousCommissionBp?: number;
}
