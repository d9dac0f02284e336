import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { IdentityVault } from '../../ports/identity-vault.js';

/**
 * Resident ID numbers sealed with AES-256-GCM (a fresh 96-bit IV per seal, the order id as
 * additional data) and hashed with HMAC-SHA-256 for the yearly count. Both keys are derived from one
 * secret with HKDF-SHA-256 under different labels, so the hash key never encrypts and the
 * encryption key never hashes. A sealed value reads `v1.<iv>.<ciphertext+tag>` (base64url): the
 * version leaves room for a new key or algorithm later.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Key material shorter than this is a mistake (a placeholder, an empty file), not a key. */
export const MIN_KEY_MATERIAL_BYTES = 32;

export class AesGcmIdentityVault implements IdentityVault {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(keyMaterial: Uint8Array) {
    if (keyMaterial.byteLength < MIN_KEY_MATERIAL_BYTES) throw new Error(`The identity key needs at least ${MIN_KEY_MATERIAL_BYTES} bytes of key material`);
    const salt = Buffer.from('sco-bazaar identity vault');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', keyMaterial, salt, 'resident-id aes-256-gcm', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', keyMaterial, salt, 'resident-id hmac-sha-256', 32));
  }

  async seal(idNumber: string, context: string): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context));
    const sealed = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  async open(sealed: string, context: string): Promise<string> {
    const [version, ivText, bodyText, ...rest] = sealed.split('.');
    if (version !== VERSION || !ivText || !bodyText || rest.length > 0) throw new Error('Not a sealed identity value');
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) throw new Error('Not a sealed identity value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    // final() throws when the tag does not match: tampered, another order's, or another key's.
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  async buyerKey(idNumber: string): Promise<string> {
    return createHmac('sha256', this.hashKey).update(idNumber, 'utf8').digest('hex');
  }
}
