import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AesGcmIdentityVault } from '../../functions/adapters/crypto/aes-gcm-identity-vault.js';
import { lazyIdentityVault, localIdentityKey } from '../../functions/adapters/secrets/identity-key.js';

const ID = '11010519491231002X';

describe('the identity vault (AES-256-GCM, HMAC-SHA-256)', () => {
  const vault = new AesGcmIdentityVault(randomBytes(32));

  it('seals a number so that it opens for its order only, and never reads as the number', async () => {
    const sealed = await vault.seal(ID, 'ORD-A');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(ID);
    expect(Buffer.from(sealed.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(ID);
    expect(await vault.open(sealed, 'ORD-A')).toBe(ID);
    await expect(vault.open(sealed, 'ORD-B')).rejects.toThrow();
  });

  it('seals the same number differently each time (a fresh IV)', async () => {
    expect(await vault.seal(ID, 'ORD-A')).not.toBe(await vault.seal(ID, 'ORD-A'));
  });

  it('refuses a tampered value, a value sealed under another key, and garbage', async () => {
    const sealed = await vault.seal(ID, 'ORD-A');
    const [version, iv, body] = sealed.split('.') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(vault.open(`${version}.${iv}.${flipped.toString('base64url')}`, 'ORD-A')).rejects.toThrow();
    await expect(new AesGcmIdentityVault(randomBytes(32)).open(sealed, 'ORD-A')).rejects.toThrow();
    await expect(vault.open('not-sealed', 'ORD-A')).rejects.toThrow('Not a sealed identity value');
  });

  it('hashes one buyer to one key that reveals nothing, and another key gives another hash', async () => {
    const key = await vault.buyerKey(ID);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await vault.buyerKey(ID)).toBe(key);
    expect(await vault.buyerKey('440524188001010014')).not.toBe(key);
    expect(await new AesGcmIdentityVault(randomBytes(32)).buyerKey(ID)).not.toBe(key);
  });

  it('refuses key material shorter than 32 bytes', () => {
    expect(() => new AesGcmIdentityVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('where the key comes from', () => {
  it('locally: makes an owner-only key file on first use and reads the same key after', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'identity-key-')), 'keys', 'identity.key');
    const first = localIdentityKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(localIdentityKey(path)).toEqual(first);
    const sealed = await lazyIdentityVault({ IDENTITY_KEY_FILE: path }).seal(ID, 'ORD-A');
    expect(await lazyIdentityVault({ IDENTITY_KEY_FILE: path }).open(sealed, 'ORD-A')).toBe(ID);
    expect(readFileSync(path, 'utf8')).not.toContain(ID);
  });

  it('refuses a key file holding a placeholder', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'identity-key-')), 'identity.key');
    writeFileSync(path, 'changeme\n');
    expect(() => localIdentityKey(path)).toThrow(/too short/);
  });

  it('in AWS: reads the secret once and builds the vault from it', async () => {
    let reads = 0;
    const secret = randomBytes(48).toString('base64');
    const client = () => ({ send: async () => ((reads += 1), { SecretString: secret }) });
    const vault = lazyIdentityVault({ IDENTITY_KEY_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:1:secret:identity' }, client);
    const sealed = await vault.seal(ID, 'ORD-A');
    expect(await vault.open(sealed, 'ORD-A')).toBe(ID);
    expect(reads).toBe(1);
  });

  it('fails where it is used when no key is configured, and says how to configure it', async () => {
    await expect(lazyIdentityVault({}).buyerKey(ID)).rejects.toThrow(/IDENTITY_KEY_SECRET_ARN/);
  });
});
