import { KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdentityVault } from '../../ports/identity-vault.js';
import { EnvelopeIdentityVault, type DataKeys } from '../crypto/envelope-identity-vault.js';
import { KmsDataKeys, type KmsClientLike } from '../crypto/kms-data-keys.js';
import { LocalDataKeys, MIN_KEY_MATERIAL_BYTES, localHashKey } from '../crypto/local-data-keys.js';
import type { SecretsClient } from './stripe-secret.js';

export interface IdentityKeySettings {
  /** AWS: the identity KMS key. The shop may only make data keys with it (seal), the operator only unwrap them (open). */
  readonly IDENTITY_KMS_KEY_ARN?: string;
  /** AWS: the Secrets Manager secret (generated, never shown) whose text is the HMAC key of the yearly count; the shop's alone. */
  readonly IDENTITY_HASH_SECRET_ARN?: string;
  /** Locally: one key file under .data/, made on first start (32 random bytes, base64), standing in for both. */
  readonly IDENTITY_KEY_FILE?: string;
}

export interface IdentityClients {
  readonly secrets?: () => SecretsClient;
  readonly kms?: () => KmsClientLike;
}

/** Key text as key material: at least 32 bytes, or it is refused as a placeholder. */
function keyMaterialOf(text: string, where: string): Buffer {
  const material = Buffer.from(text.trim(), 'utf8');
  if (material.length < MIN_KEY_MATERIAL_BYTES) throw new Error(`The identity key in ${where} is too short (${MIN_KEY_MATERIAL_BYTES} characters at least)`);
  return material;
}

/** Reads the local key file, making it (owner-only) when it does not exist yet. */
export function localIdentityKey(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return keyMaterialOf(readFileSync(path, 'utf8'), path);
}

export async function fetchIdentityHashKey(client: SecretsClient, secretArn: string): Promise<Buffer> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  return keyMaterialOf(SecretString ?? '', 'the identity hash secret');
}

/** The vault of tests and local tools: data keys wrapped and ID numbers hashed under keys derived from `keyMaterial`. */
export function localIdentityVault(keyMaterial: Uint8Array): EnvelopeIdentityVault {
  const hashKey = localHashKey(keyMaterial);
  return new EnvelopeIdentityVault(new LocalDataKeys(keyMaterial), async () => hashKey);
}

/**
 * The vault, its parts made on first use: functions that never see an ID number run without any
 * key, and one that needs a key it was not given fails where it is used, naming the setting. The
 * hash secret (or key file) is read once per cold start; KMS is called per seal (a fresh data key)
 * and per open, never at import.
 */
export function lazyIdentityVault(settings: IdentityKeySettings, clients: IdentityClients = {}): IdentityVault {
  const dataKeys = once(async (): Promise<DataKeys> => {
    if (settings.IDENTITY_KMS_KEY_ARN) return new KmsDataKeys((clients.kms ?? (() => new KMSClient({})))(), settings.IDENTITY_KMS_KEY_ARN);
    if (settings.IDENTITY_KEY_FILE) return new LocalDataKeys(localIdentityKey(settings.IDENTITY_KEY_FILE));
    throw new Error('Sealing and opening ID numbers is not configured: set IDENTITY_KMS_KEY_ARN (AWS) or IDENTITY_KEY_FILE (locally)');
  });
  const hashKey = once(async (): Promise<Uint8Array> => {
    if (settings.IDENTITY_HASH_SECRET_ARN) {
      return fetchIdentityHashKey((clients.secrets ?? (() => new SecretsManagerClient({})))(), settings.IDENTITY_HASH_SECRET_ARN);
    }
    if (settings.IDENTITY_KEY_FILE) return localHashKey(localIdentityKey(settings.IDENTITY_KEY_FILE));
    throw new Error('Hashing ID numbers is not configured: set IDENTITY_HASH_SECRET_ARN (AWS) or IDENTITY_KEY_FILE (locally)');
  });
  return new EnvelopeIdentityVault(
    {
      generate: async (orderId) => (await dataKeys()).generate(orderId),
      unwrap: async (wrapped, orderId) => (await dataKeys()).unwrap(wrapped, orderId),
    },
    hashKey,
  );
}

/** Makes the value once and keeps it; a failure is not kept, so the next use tries again. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
