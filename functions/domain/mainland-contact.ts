/**
 * How a mainland China recipient is reached: a mobile number couriers call or text on delivery, and a
 * postcode. Kept apart from the division lists (china-divisions.ts) so the cart page can check them
 * as the shopper types without loading the lists.
 */

/** Mainland mobile numbers: 11 digits starting with 1 (after normalizePhone). */
export const MAINLAND_MOBILE = /^1\d{10}$/;
export const POSTCODE = /^\d{6}$/;

/**
 * Full-width digits (Chinese input methods) read as ASCII, spaces and dashes dropped, and a +86 or 86
 * country prefix in front of a mobile number dropped.
 */
export function normalizePhone(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** A postcode as typed, full-width digits read as ASCII. */
export function normalizePostcode(value: string): string {
  return value.normalize('NFKC').trim();
}

export function isMainlandMobile(value: string): boolean {
  return MAINLAND_MOBILE.test(normalizePhone(value));
}

export function isPostcode(value: string): boolean {
  return POSTCODE.test(normalizePostcode(value));
}
