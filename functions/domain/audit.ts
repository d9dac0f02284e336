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
