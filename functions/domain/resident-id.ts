import { isCalendarDate } from './listing.js';

/**
 * China's resident ID number (GB 11643-1999): 17 digits and a check character computed with
 * ISO 7064 MOD 11-2. Digits 7-14 are the holder's date of birth (YYYYMMDD). Customs matches the
 * buyer's name with this number, so a typo would stop the parcel at the border: it is checked here,
 * before anything is reserved.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** Why a number is refused, for a message that helps the shopper find the mistake. */
export type ResidentIdProblem = 'format' | 'birth_date' | 'check_digit';

/** As people type it: full-width digits and Ｘ (Chinese input methods) read as ASCII, spaces removed, x as X. */
export function normalizeResidentId(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/**
 * Null when the (normalized) number is a valid resident ID number on `today` (YYYY-MM-DD, China
 * time): 18 characters, a real date of birth not after today, and the right check character.
 */
export function residentIdProblem(value: string, today: string): ResidentIdProblem | null {
  if (!SHAPE.test(value)) return 'format';
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth < '1800-01-01' || birth > today) return 'birth_date';
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return 'check_digit';
  return null;
}

/** How the number is shown everywhere but the customs document: the first 3 and last 4 characters. */
export function maskResidentId(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
