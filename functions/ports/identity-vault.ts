/**
 * Keeps buyers' resident ID numbers unreadable at rest. The number is sealed (AES-256-GCM under a
 * data key) for the order, and counted toward the yearly limit under a keyed hash, so the table
 * never holds it in plain text and nobody can find a buyer's orders by guessing their number.
 * Only the customs document opens a sealed number.
 */
export interface IdentityVault {
  /** Encrypts the number, bound to `context` (the order id): a sealed value moved to another order does not open. */
  seal(idNumber: string, context: string): Promise<string>;
  /** The number back; throws when the value was tampered with, sealed for another context or under another key. */
  open(sealed: string, context: string): Promise<string>;
  /** A keyed hash of the number (hex): the same buyer always gets the same key, and the key reveals nothing. */
  buyerKey(idNumber: string): Promise<string>;
}
