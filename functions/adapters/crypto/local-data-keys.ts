import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { IDENTITY_KEY_PURPOSE, type DataKeys } from './envelope-identity-vault.js';

/**
 * Locally, KMS's part is played by one key file (functions/adapters/secrets/identity-key.ts): HKDF
 * derives from it a master key that wraps data keys (AES-256-GCM, bound to the order like KMS's
 * encryption context) and, under another label, the HMAC key of the yearly count, so the hash key
 * never wraps and the master key never hashes.
 */

/** Key material shorter than this is a mistake (a placeholder, an empty file), not a key. */
export const MIN_KEY_MATERIAL_BYTES = 32;

const SALT = Buffer.from('sco-bazaar identity vault');
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(keyMaterial: Uint8Array, label: string): Buffer {
  if (keyMaterial.byteLength < MIN_KEY_MATERIAL_BYTES) throw new Error(`The identity key needs at least ${MIN_KEY_MATERIAL_BYTES} bytes of key material`);
  return Buffer.from(hkdfSync('sha256', keyMaterial, SALT, label, 32));
}

/** The same binding KMS gets as its encryption context: {purpose: 'resident-id', orderId}. */
function wrapContext(orderId: string): Buffer {
  return Buffer.from(JSON.stringify({ purpose: IDENTITY_KEY_PURPOSE, orderId }));
}

export class LocalDataKeys implements DataKeys {
  private readonly masterKey: Buffer;

  constructor(keyMaterial: Uint8Array) {
    this.masterKey = derive(keyMaterial, 'resident-id data-key wrap aes-256-gcm');
  }

  async generate(orderId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }> {
    const plaintext = randomBytes(DATA_KEY_BYTES);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(wrapContext(orderId));
    const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { plaintext, wrapped };
  }

  async unwrap(wrapped: Uint8Array, orderId: string): Promise<Uint8Array> {
    const blob = Buffer.from(wrapped);
    if (blob.length !== IV_BYTES + DATA_KEY_BYTES + TAG_BYTES) throw new Error('Not a wrapped data key');
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, blob.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(wrapContext(orderId));
    decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
  }
}

/** The HMAC key of the yearly count, from the same local key material under its own label. */
export function localHashKey(keyMaterial: Uint8Array): Buffer {
  return derive(keyMaterial, 'resident-id hmac-sha-256');
}
