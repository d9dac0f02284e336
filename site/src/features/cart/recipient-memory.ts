import type { CheckoutDetails } from './checkout-fields.js';

/**
 * What the browser may keep of a checkout for next time: the recipient, field by field from this
 * list and nothing else. Never the buyer's ID number (issue 8: it must not reach the browser's
 * storage), nor the buyer at all: the next buyer may be someone else.
 */
const REMEMBERED_FIELDS = ['name', 'phone', 'province', 'city', 'district', 'address', 'postcode'] as const;

export type RememberedRecipient = Readonly<Record<(typeof REMEMBERED_FIELDS)[number], string>>;

/** Longer than any real value of these fields: a tampered entry cannot fill the form with junk. */
const MAX_LENGTH = 200;

/** The recipient as it will be stored: only the listed fields, copied one by one. */
export function recipientToRemember(recipient: CheckoutDetails['recipient']): RememberedRecipient {
  return Object.fromEntries(REMEMBERED_FIELDS.map((field) => [field, String(recipient[field] ?? '').slice(0, MAX_LENGTH)])) as RememberedRecipient;
}

/** A stored entry read back, or null when there is none or it is not what this page wrote. */
export function parseRememberedRecipient(raw: string | null): RememberedRecipient | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? 'null');
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const entry = parsed as Record<string, unknown>;
  if (!REMEMBERED_FIELDS.every((field) => typeof entry[field] === 'string' && (entry[field] as string).length <= MAX_LENGTH)) return null;
  return Object.fromEntries(REMEMBERED_FIELDS.map((field) => [field, entry[field]])) as RememberedRecipient;
}
