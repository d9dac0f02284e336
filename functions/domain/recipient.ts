import { resolveDivisions, type Division } from './china-divisions.js';
import { chinaDate } from './cross-border.js';
import type { FieldIssue } from './listing.js';
import { isMainlandMobile, isPostcode, normalizePhone, normalizePostcode } from './mainland-contact.js';
import { maskResidentId, normalizeResidentId, residentIdProblem } from './resident-id.js';

/**
 * Who receives the parcel and who buys it: the two people customs' order document names
 * (GACC Announcement 2018 No. 194). Often the same person, never assumed to be.
 */
export interface Recipient {
  readonly name: string;
  /** A mainland mobile number: couriers call or text it on delivery. */
  readonly phone: string;
  readonly province: Division;
  readonly city: Division;
  readonly district: Division;
  /** Street, building, flat: everything below the district. */
  readonly address: string;
  readonly postcode: string;
}

/** What the shopper sends: divisions named by code or Chinese name, as chosen from the lists. */
export interface RecipientInput {
  readonly name: string;
  readonly phone: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  readonly address: string;
  readonly postcode: string;
}

export interface BuyerInput {
  readonly name: string;
  readonly idNumber: string;
  /** The buyer's phone for customs; the recipient's when not given. */
  readonly phone?: string;
}

/** The buyer as checked: the ID number normalized, ready to be sealed; never stored as it is. */
export interface CheckedBuyer {
  readonly name: string;
  readonly idNumber: string;
  readonly idNumberMasked: string;
  readonly phone: string;
}

const ID_MESSAGES = {
  format: '18 characters: 17 digits and a digit or X',
  birth_date: 'the date of birth in it (characters 7 to 14) is not a real date',
  check_digit: 'the last character does not match: check the number for a typo',
} as const;

/**
 * Checks what the schema cannot: the ID number's date of birth and check character on `now`'s date
 * in China, and that the districts exist and lie inside one another. Issues name the field path the
 * client sent (`buyer.idNumber`, `recipient.district`).
 */
export function checkRecipientAndBuyer(
  recipientInput: RecipientInput,
  buyerInput: BuyerInput,
  now: string,
): { readonly recipient: Recipient; readonly buyer: CheckedBuyer } | { readonly issues: readonly FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const phone = normalizePhone(recipientInput.phone);
  if (!isMainlandMobile(phone)) issues.push({ field: 'recipient.phone', message: 'a mainland mobile number: 11 digits starting with 1' });
  const postcode = normalizePostcode(recipientInput.postcode);
  if (!isPostcode(postcode)) issues.push({ field: 'recipient.postcode', message: 'a 6-digit postcode' });
  const divisions = resolveDivisions(recipientInput.province, recipientInput.city, recipientInput.district);
  if (typeof divisions === 'string') {
    issues.push({ field: `recipient.${divisions}`, message: divisions === 'province' ? 'not a province of mainland China' : `not a ${divisions} of the ${divisions === 'city' ? 'province' : 'city'} chosen` });
  }
  const idNumber = normalizeResidentId(buyerInput.idNumber);
  const idProblem = residentIdProblem(idNumber, chinaDate(now));
  if (idProblem) issues.push({ field: 'buyer.idNumber', message: ID_MESSAGES[idProblem] });
  const buyerPhone = buyerInput.phone === undefined ? phone : normalizePhone(buyerInput.phone);
  if (buyerInput.phone !== undefined && !isMainlandMobile(buyerPhone)) issues.push({ field: 'buyer.phone', message: 'a mainland mobile number: 11 digits starting with 1' });
  if (issues.length > 0 || typeof divisions === 'string') return { issues };
  return {
    recipient: {
      name: recipientInput.name.trim(),
      phone,
      ...divisions,
      address: recipientInput.address.trim(),
      postcode,
    },
    buyer: { name: buyerInput.name.trim(), idNumber, idNumberMasked: maskResidentId(idNumber), phone: buyerPhone },
  };
}
