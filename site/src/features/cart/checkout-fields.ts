import { isMainlandMobile, isPostcode, normalizePhone, normalizePostcode } from '../../../../functions/domain/mainland-contact.js';
import { normalizeResidentId, residentIdProblem, type ResidentIdProblem } from '../../../../functions/domain/resident-id.js';

/**
 * The checkout form's fields, named by the paths POST /api/checkout uses (and names back in a 400),
 * in the order the page shows them: the first one refused is the one that gets the focus.
 */
export const CHECKOUT_FIELDS = [
  'recipient.name',
  'recipient.phone',
  'recipient.province',
  'recipient.city',
  'recipient.district',
  'recipient.address',
  'recipient.postcode',
  'buyer.name',
  'buyer.phone',
  'buyer.idNumber',
  'noticeAccepted',
  'email',
] as const;

export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

export function isCheckoutField(path: string): path is CheckoutField {
  return (CHECKOUT_FIELDS as readonly string[]).includes(path);
}

/** What the shopper filled in, as the form holds it (trimmed, nothing else changed). */
export interface CheckoutDetails {
  readonly email: string;
  readonly recipient: {
    readonly name: string;
    readonly phone: string;
    /** GB/T 2260 codes of the divisions chosen from the lists; '' while none is chosen. */
    readonly province: string;
    readonly city: string;
    readonly district: string;
    readonly address: string;
    readonly postcode: string;
  };
  readonly buyer: { readonly name: string; readonly idNumber: string; readonly phone: string };
  readonly noticeAccepted: boolean;
}

const ID_NOTES: Readonly<Record<ResidentIdProblem, string>> = {
  format: 'cart.idFormat',
  birth_date: 'cart.idBirthDate',
  check_digit: 'cart.idCheckDigit',
};

/**
 * The note for a resident ID number, by the server's own rule (functions/domain/resident-id.ts) on
 * `today` in China, or null when it passes. An early word only: the server checks it again.
 */
export function idNumberNoteKey(value: string, today: string): string | null {
  const problem = residentIdProblem(normalizeResidentId(value), today);
  return problem ? ID_NOTES[problem] : null;
}

/**
 * What can be said before asking the server, by the server's own rules (which read full-width digits
 * from a Chinese input method as ASCII, like the server): the empty fields, a division
 * not chosen, a phone that is not a mainland mobile, a postcode that is not 6 digits, the ID number's
 * shape, date of birth and check character, and the notice not accepted.
 * Keys of the dictionary, by field, in the form's order.
 */
export function earlyNotes(details: CheckoutDetails, today: string): Map<CheckoutField, string> {
  const notes = new Map<CheckoutField, string>();
  const { recipient, buyer } = details;
  const filled = (field: CheckoutField, value: string) => {
    if (value === '') notes.set(field, 'cart.required');
  };
  const chosen = (field: CheckoutField, value: string) => {
    if (value === '') notes.set(field, 'cart.chooseOne');
  };
  filled('recipient.name', recipient.name);
  if (recipient.phone !== '' && !isMainlandMobile(recipient.phone)) notes.set('recipient.phone', 'cart.phoneInvalid');
  filled('recipient.phone', recipient.phone);
  // A list opens once the one above it is chosen: only the first empty one is marked.
  chosen('recipient.province', recipient.province);
  if (recipient.province) chosen('recipient.city', recipient.city);
  if (recipient.city) chosen('recipient.district', recipient.district);
  filled('recipient.address', recipient.address);
  if (recipient.postcode !== '' && !isPostcode(recipient.postcode)) notes.set('recipient.postcode', 'cart.postcodeInvalid');
  filled('recipient.postcode', recipient.postcode);
  filled('buyer.name', buyer.name);
  if (buyer.phone !== '' && !isMainlandMobile(buyer.phone)) notes.set('buyer.phone', 'cart.phoneInvalid');
  if (buyer.idNumber === '') notes.set('buyer.idNumber', 'cart.required');
  else {
    const idNote = idNumberNoteKey(buyer.idNumber, today);
    if (idNote) notes.set('buyer.idNumber', idNote);
  }
  if (!details.noticeAccepted) notes.set('noticeAccepted', 'cart.noticeRequired');
  if (!looksLikeEmail(details.email)) notes.set('email', details.email === '' ? 'cart.required' : 'cart.emailInvalid');
  return notes;
}

/** A light check before asking the server (which validates properly): something@something.tld. */
export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Details that passed the early check: the notice, above all, accepted. */
export type AcceptedDetails = CheckoutDetails & { readonly noticeAccepted: true };

export function isAccepted(details: CheckoutDetails): details is AcceptedDetails {
  return details.noticeAccepted;
}

/**
 * The body of POST /api/checkout for these details: the phones, the postcode and the ID number as the
 * domain normalizes them (full-width digits read as ASCII; the server does the same), an empty buyer
 * phone left out.
 */
export function checkoutBody(details: AcceptedDetails, noticeVersion: string) {
  const { recipient, buyer } = details;
  return {
    email: details.email,
    recipient: { ...recipient, phone: normalizePhone(recipient.phone), postcode: normalizePostcode(recipient.postcode) },
    buyer: { name: buyer.name, idNumber: normalizeResidentId(buyer.idNumber), ...(buyer.phone ? { phone: normalizePhone(buyer.phone) } : {}) },
    noticeAccepted: details.noticeAccepted,
    noticeVersion,
  };
}
