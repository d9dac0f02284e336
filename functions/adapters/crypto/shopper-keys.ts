import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createHmac, hkdfSync } from 'node:crypto';
import { normalEmail } from '../../domain/operator-console.js';
import type { ShopperKeys } from '../../ports/shopper-keys.js';
import { localIdentityKey } from '../secrets/identity-key.js';
import type { SecretsClient } from '../secrets/stripe-secret.js';

export interface ShopperKeySettings {
  /** AWS: the Secrets Manager secret (generated, never shown) whose text is the lookup HMAC key; read by the shop and the operator app. */
  readonly SHOPPER_LOOKUP_SECRET_ARN?: string;
  /** Locally: derived from the identity key file under a label of its own, so it never equals the yearly count's key. */
  readonly IDENTITY_KEY_FILE?: string;
}

/** HMAC-SHA256 of the normalised email, hex. */
export class HmacShopperKeys implements ShopperKeys {
  constructor(private readonly key: () => Promise<Uint8Array>) {}

  async emailKey(email: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(normalEmail(email), 'utf8').digest('hex');
  }
}

/** The local key: HKDF of the identity key file's material, apart from the data-key and ID-hash keys. */
export function localShopperLookupKey(keyMaterial: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', keyMaterial, Buffer.from('sco-bazaar shopper lookup'), 'email hmac-sha-256', 32));
}

/** Undefined when neither setting is given: the function then neither files orders under their shopper nor finds them so. */
export function lazyShopperKeys(settings: ShopperKeySettings, secrets: () => SecretsClient = () => new SecretsManagerClient({})): ShopperKeys | undefined {
  if (!settings.SHOPPER_LOOKUP_SECRET_ARN && !settings.IDENTITY_KEY_FILE) return undefined;
  let pending: Promise<Uint8Array> | undefined;
  const key = async (): Promise<Uint8Array> => {
    if (settings.SHOPPER_LOOKUP_SECRET_ARN) {
      const { SecretString } = await secrets().send(new GetSecretValueCommand({ SecretId: settings.SHOPPER_LOOKUP_SECRET_ARN }));
      const material = Buffer.from((SecretString ?? '').trim(), 'utf8');
      if (material.length < 32) throw new Error('The shopper lookup secret is too short (32 characters at least)');
      return material;
    }
    return localShopperLookupKey(localIdentityKey(settings.IDENTITY_KEY_FILE!));
  };
  return new HmacShopperKeys(() => (pending ??= key().catch((error: unknown) => {
    pending = undefined;
    throw error;
  })));
}
