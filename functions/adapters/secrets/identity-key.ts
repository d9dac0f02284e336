import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdentityVault } from '../../ports/identity-vault.js';
import { AesGcmIdentityVault, MIN_KEY_MATERIAL_BYTES } from '../crypto/aes-gcm-identity-vault.js';
import type { SecretsClient } from './stripe-secret.js';

export interface IdentityKeySettings {
  /** AWS: the Secrets Manager secret the stateful stack generates (a random string, never shown). */
  readonly IDENTITY_KEY_SECRET_ARN?: string;
  /** Locally: a key file under .data/, made on first start (32 random bytes, base64). */
  readonly IDENTITY_KEY_FILE?: string;
}

/** The identity key's text as key material: at least 32 bytes, or it is refused as a placeholder. */
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

export async function fetchIdentityKey(client: SecretsClient, secretArn: string): Promise<Buffer> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  return keyMaterialOf(SecretString ?? '', 'the identity key secret');
}

/**
 * The vault, built on first use (read once per cold start, like the Stripe keys): functions that
 * never see an ID number run without the key, and one that needs it fails where it is used.
 */
export function lazyIdentityVault(settings: IdentityKeySettings, client: () => SecretsClient = () => new SecretsManagerClient({})): IdentityVault {
  let vault: Promise<IdentityVault> | undefined;
  const get = () => {
    vault ??= (async () => {
      if (settings.IDENTITY_KEY_SECRET_ARN) return new AesGcmIdentityVault(await fetchIdentityKey(client(), settings.IDENTITY_KEY_SECRET_ARN));
      if (settings.IDENTITY_KEY_FILE) return new AesGcmIdentityVault(localIdentityKey(settings.IDENTITY_KEY_FILE));
      throw new Error('The identity key is not configured: set IDENTITY_KEY_SECRET_ARN (AWS) or IDENTITY_KEY_FILE (locally)');
    })().catch((error: unknown) => {
      vault = undefined;
      throw error;
    });
    return vault;
  };
  return {
    seal: async (idNumber, context) => (await get()).seal(idNumber, context),
    open: async (sealed, context) => (await get()).open(sealed, context),
    buyerKey: async (idNumber) => (await get()).buyerKey(idNumber),
  };
}
