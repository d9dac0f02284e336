/**
 * Identifiers and secrets, from the Web Crypto API (Node 20 and Lambda have it as a global).
 * Cart ids and order tokens are bearer secrets: 128 and 256 random bits.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** 128 random bits, base64url (22 characters). */
export function newCartId(): string {
  return Buffer.from(randomBytes(16)).toString('base64url');
}

/** 80 random bits as 16 Crockford base32 characters: readable over the phone, never ambiguous (no I, L, O, U). */
function readableId(prefix: string): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 16; i++) {
    text = CROCKFORD[Number(bits & 31n)] + text;
    bits >>= 5n;
  }
  return `${prefix}-${text}`;
}

/** `ORD-` and 80 random bits (domain/order.ts ORDER_ID). */
export function newOrderId(): string {
  return readableId('ORD');
}

/** `RFD-` and 80 random bits (domain/refund.ts REFUND_ID): also what the provider's idempotency key is made from. */
export function newRefundId(): string {
  return readableId('RFD');
}

/** 256 random bits, base64url (43 characters): the shopper's key to an order's page. */
export function newOrderToken(): string {
  return Buffer.from(randomBytes(32)).toString('base64url');
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

/** Compares two hex digests in time independent of where they differ. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** An operator's action on a pavilion (usecases/operator-pavilions.ts). */
export function newActionId(): string {
  return readableId('ACT');
}

/** `PAY-` and 80 random bits (domain/settlement.ts PAYOUT_ID): a payout recorded by an operator. */
export function newPayoutId(): string {
  return readableId('PAY');
}

/** `ADJ-` and 80 random bits (domain/settlement.ts ADJUSTMENT_ID): a manual adjustment of a pavilion's ledger. */
export function newAdjustmentId(): string {
  return readableId('ADJ');
}

/** `RTE-` and 80 random bits: an operator's change of a pavilion's commission rate (its audit record). */
export function newRateChangeId(): string {
  return readableId('RTE');
}
