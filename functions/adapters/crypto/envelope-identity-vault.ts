import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { IdentityVault } from '../../ports/identity-vault.js';

/**
 * Where data keys come from: KMS in AWS (kms-data-keys.ts), a key file locally (local-data-keys.ts).
 * Both bind a data key to its order: a wrapped key unwraps only for the order it was made for.
 */
export interface DataKeys {
  /** A fresh 256-bit data key, in plain text (used once, then dropped) and wrapped (stored with the sealed value). */
  generate(orderId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  /** The plain data key back. The shop's DataKeys cannot do this (in AWS it may not call kms:Decrypt). */
  unwrap(wrapped: Uint8Array, orderId: string): Promise<Uint8Array>;
}

/** The `purpose` of every data key's binding (KMS encryption context); the role policies require it. */
export const IDENTITY_KEY_PURPOSE = 'resident-id';

/** The HMAC key of `buyerKey`, read when first needed; only the shop has one (the operator never hashes). */
export type HashKeySource = () => Promise<Uint8Array>;

/**
 * Envelope encryption of resident ID numbers. Each seal takes a fresh data key from `DataKeys`,
 * encrypts the number with AES-256-GCM (a fresh 96-bit IV, the order id as additional data) and
 * stores the wrapped data key beside it: `v2.<wrapped key>.<iv>.<ciphertext+tag>` (base64url).
 * Opening needs the wrapped key unwrapped, which in AWS only the operator function may do, so a
 * function that seals (the public shop) cannot open what it sealed. The yearly count hashes the
 * number with HMAC-SHA-256 under a separate key that never encrypts.
 *
 * The earlier `v1` format (one key from one secret, for sealing and opening alike) is not read:
 * nothing sealed that way was ever deployed.
 */
const VERSION = 'v2';
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class EnvelopeIdentityVault implements IdentityVault {
  constructor(
    private readonly dataKeys: DataKeys,
    private readonly hashKey: HashKeySource,
  ) {}

  async seal(idNumber: string, context: string): Promise<string> {
    const { plaintext, wrapped } = await this.dataKeys.generate(context);
    const key = Buffer.from(plaintext);
    try {
      if (key.length !== DATA_KEY_BYTES) throw new Error(`A data key must be ${DATA_KEY_BYTES} bytes`);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, Buffer.from(wrapped).toString('base64url'), iv.toString('base64url'), body.toString('base64url')].join('.');
    } finally {
      key.fill(0);
      plaintext.fill(0);
    }
  }

  async open(sealed: string, context: string): Promise<string> {
    const [version, wrappedText, ivText, bodyText, ...rest] = sealed.split('.');
    if (version !== VERSION || !wrappedText || !ivText || !bodyText || rest.length > 0) throw new Error('Not a sealed identity value');
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) throw new Error('Not a sealed identity value');
    // Throws for another order's key, a tampered key, or a DataKeys that may not unwrap.
    const key = Buffer.from(await this.dataKeys.unwrap(Buffer.from(wrappedText, 'base64url'), context));
    try {
      if (key.length !== DATA_KEY_BYTES) throw new Error('Not a sealed identity value');
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      // final() throws when the tag does not match: tampered, or sealed for another order.
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } finally {
      key.fill(0);
    }
  }

  async buyerKey(idNumber: string): Promise<string> {
    return createHmac('sha256', await this.hashKey()).update(idNumber, 'utf8').digest('hex');
  }
}
