import type { Money } from '../domain/money.js';
import type { OrderStatus } from '../domain/order.js';
import type { PavilionCode } from '../domain/pavilion.js';
import type { Recipient } from '../domain/recipient.js';
import type { IdentityVault } from '../ports/identity-vault.js';
import type { OrderStore, StoredOrder } from '../ports/order-store.js';
import type { Telemetry } from '../ports/telemetry.js';

/**
 * The order document of a cross-border retail import, as customs matches it against the payment
 * and the waybill (the three-document match of GACC Announcement 2018 No. 194): who bought and
 * who receives, what each line is (HS code, value, tax), and which payment paid for it.
 * The only place the buyer's ID number is opened: everywhere else it stays masked.
 */
export interface CustomsDocument {
  readonly orderId: string;
  readonly status: DeclarableStatus;
  readonly createdAt: string;
  readonly paidAt?: string;
  readonly buyer: { readonly name: string; readonly idNumber: string; readonly phone: string };
  readonly recipient: Recipient;
  readonly lines: readonly CustomsLine[];
  /** The customs figures of the whole order, in CNY: goods + freight = dutiable value; the tax withheld on it. */
  readonly goods: Money;
  readonly freight: Money;
  readonly dutiableValue: Money;
  readonly tax: Money;
  /** What the buyer paid (goods + freight + tax) in the currency charged. */
  readonly amountPaid: Money;
  readonly currency: Money['currency'];
  /** The provider's payment (a Stripe PaymentIntent id; the Checkout Session id for orders paid before it was recorded). */
  readonly paymentId?: string;
  readonly notice: { readonly version: string; readonly acceptedAt: string };
}

export interface CustomsLine {
  readonly lineNo: number;
  /** The pavilion that ships it: the country the goods come from. */
  readonly pavilion: PavilionCode;
  readonly sku: string;
  readonly hsCode: string;
  /** The Chinese title: customs declares in Chinese. */
  readonly title: string;
  readonly quantity: number;
  readonly unitPriceCny: Money;
  readonly goodsCny: Money;
  readonly freightCny: Money;
  readonly dutiableCny: Money;
  readonly taxCny: Money;
}

export interface CustomsDocumentDeps {
  readonly orders: Pick<OrderStore, 'get'>;
  readonly identity: IdentityVault;
  /** Every read of a document is logged: who opened whose ID number, for the audit trail. */
  readonly telemetry: Telemetry;
}

/** Who reads the document (an operator's opaque token subject), and in which format, for the audit log. */
export interface CustomsReader {
  readonly operator: string;
  readonly format: string;
}

export type CustomsDocumentResult =
  | { readonly kind: 'document'; readonly document: CustomsDocument }
  | { readonly kind: 'missing' }
  /** Nothing was sold yet (or ever): there is nothing to declare. */
  | { readonly kind: 'unpaid'; readonly status: OrderStatus }
  /**
   * Paid, but it may not cross the border as a cross-border retail import: the buyer's yearly limit
   * was used up before a late payment (refund it), or the order predates recipients and buyers.
   */
  | { readonly kind: 'not_declarable'; readonly reason: 'over_yearly_limit' | 'no_buyer_details' };

/**
 * Only a paid order crosses the border. One paid after its reservation lapsed (paid_needs_attention)
 * still does once an operator has restocked it, unless the buyer's year was full by then. One with
 * some lines refunded (partially_refunded) does too, without the lines refunded before they shipped.
 */
export const DECLARABLE_STATUSES = ['paid', 'paid_needs_attention', 'partially_refunded'] as const satisfies readonly OrderStatus[];
export type DeclarableStatus = (typeof DECLARABLE_STATUSES)[number];

function isDeclarable(status: OrderStatus): status is DeclarableStatus {
  return (DECLARABLE_STATUSES as readonly OrderStatus[]).includes(status);
}

/** The sealed ID number did not open: a wrong key, or a value that was altered. Says which order, never the value. */
export class UnreadableIdentityError extends Error {
  constructor(orderId: string, cause: unknown) {
    super(`The buyer's ID number of order ${orderId} does not open with the identity key (wrong key, or the stored value was altered)`, { cause });
    this.name = 'UnreadableIdentityError';
  }
}

export async function customsDocument(deps: CustomsDocumentDeps, orderId: string, reader: CustomsReader): Promise<CustomsDocumentResult> {
  const result = await openCustomsDocument(deps, orderId);
  // The operator's subject and the order, nothing read from the document.
  if (result.kind === 'document') deps.telemetry.info('customs_document_read', { orderId, operator: reader.operator, format: reader.format });
  return result;
}

async function openCustomsDocument(deps: CustomsDocumentDeps, orderId: string): Promise<CustomsDocumentResult> {
  const stored = await deps.orders.get(orderId);
  if (!stored) return { kind: 'missing' };
  const { status } = stored.order;
  if (!isDeclarable(status)) return { kind: 'unpaid', status };
  if (stored.order.attention === 'allowance_gone') return { kind: 'not_declarable', reason: 'over_yearly_limit' };
  // Orders placed before checkout asked for them carry neither (they never reached a customs partner).
  if (!stored.order.buyer || !stored.order.recipient || !stored.order.customs) return { kind: 'not_declarable', reason: 'no_buyer_details' };
  let idNumber: string;
  try {
    idNumber = await deps.identity.open(stored.order.buyer.idNumberSealed, stored.order.orderId);
  } catch (error) {
    throw new UnreadableIdentityError(stored.order.orderId, error);
  }
  return { kind: 'document', document: documentOf(stored, status, idNumber) };
}

function documentOf({ order, lines: all }: StoredOrder, status: DeclarableStatus, idNumber: string): CustomsDocument {
  const paymentId = order.paymentId ?? order.paymentSessionId;
  // Lines refunded (or cancelled) before they shipped never cross the border: they are not declared.
  const lines = all.filter((line) => line.fulfilment !== 'cancelled');
  const customs = lines.length === all.length ? order.customs : customsOf(lines);
  return {
    orderId: order.orderId,
    status,
    createdAt: order.createdAt,
    ...(order.paidAt ? { paidAt: order.paidAt } : {}),
    buyer: { name: order.buyer.name, idNumber, phone: order.buyer.phone },
    recipient: {
      name: order.recipient.name,
      phone: order.recipient.phone,
      province: { code: order.recipient.province.code, name: order.recipient.province.name },
      city: { code: order.recipient.city.code, name: order.recipient.city.name },
      district: { code: order.recipient.district.code, name: order.recipient.district.name },
      address: order.recipient.address,
      postcode: order.recipient.postcode,
    },
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      pavilion: line.pavilion,
      sku: line.sku,
      hsCode: line.hsCode,
      title: line.title.zh,
      quantity: line.quantity,
      unitPriceCny: line.unitPriceCny,
      goodsCny: line.goodsCny,
      freightCny: line.freightCny,
      dutiableCny: line.dutiableCny,
      taxCny: line.taxCny,
    })),
    goods: customs.goods,
    freight: customs.freight,
    dutiableValue: customs.dutiableValue,
    tax: customs.tax,
    // The payment slip customs matches is the payment as made; refunds of undeclared lines are the provider's own records.
    amountPaid: order.total,
    currency: order.currency,
    ...(paymentId ? { paymentId } : {}),
    notice: { version: order.notice.version, acceptedAt: order.notice.acceptedAt },
  };
}

/** The customs figures of the lines that cross, added up (each line keeps its own from checkout). */
function customsOf(lines: StoredOrder['lines']) {
  const total = (pick: (line: StoredOrder['lines'][number]) => Money): Money => ({ amount: lines.reduce((sum, line) => sum + pick(line).amount, 0), currency: 'CNY' });
  return { goods: total((line) => line.goodsCny), freight: total((line) => line.freightCny), dutiableValue: total((line) => line.dutiableCny), tax: total((line) => line.taxCny) };
}
