import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvelopeIdentityVault, type DataKeys } from '../../functions/adapters/crypto/envelope-identity-vault.js';
import { KmsDataKeys, type KmsClientLike } from '../../functions/adapters/crypto/kms-data-keys.js';
import { LocalDataKeys, localHashKey } from '../../functions/adapters/crypto/local-data-keys.js';
import { lazyIdentityVault, localIdentityKey, localIdentityVault } from '../../functions/adapters/secrets/identity-key.js';

const ID = '11010519491231002X';
const KEY_ARN = 'arn:aws:kms:ap-east-1:111111111111:key/identity';
const HASH_SECRET_ARN = 'arn:aws:secretsmanager:ap-east-1:111111111111:secret:identity-hash';

const parts = (sealed: string) => sealed.split('.') as [string, string, string, string];
const flip = (text: string, at = 0) => {
  const bytes = Buffer.from(text, 'base64url');
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return bytes.toString('base64url');
};

/** Local data keys that count what they are asked for. */
class RecordingDataKeys implements DataKeys {
  readonly generated: Buffer[] = [];
  unwraps = 0;
  constructor(private readonly inner: DataKeys) {}
  async generate(orderId: string) {
    const key = await this.inner.generate(orderId);
    this.generated.push(Buffer.from(key.plaintext));
    return key;
  }
  async unwrap(wrapped: Uint8Array, orderId: string) {
    this.unwraps += 1;
    return this.inner.unwrap(wrapped, orderId);
  }
}

/** What the shop gets in AWS: kms:GenerateDataKey, and kms:Decrypt denied. */
const generateOnly = (keys: DataKeys): DataKeys => ({
  generate: (orderId) => keys.generate(orderId),
  unwrap: async () => {
    throw new Error('AccessDeniedException: not authorized to perform kms:Decrypt');
  },
});

/** A stand-in for KMS: keeps each data key with the encryption context it was made under, and checks it on Decrypt. */
function fakeKms(options: { denyDecrypt?: boolean } = {}) {
  const sent: Array<GenerateDataKeyCommand | DecryptCommand> = [];
  const issued = new Map<string, { plaintext: Buffer; context: string }>();
  const client: KmsClientLike = {
    async send(command) {
      sent.push(command);
      if (command instanceof GenerateDataKeyCommand) {
        const plaintext = randomBytes(32);
        const blob = randomBytes(48);
        issued.set(blob.toString('hex'), { plaintext: Buffer.from(plaintext), context: JSON.stringify(command.input.EncryptionContext) });
        return { Plaintext: plaintext, CiphertextBlob: blob };
      }
      if (options.denyDecrypt) throw new Error('AccessDeniedException');
      const found = issued.get(Buffer.from(command.input.CiphertextBlob!).toString('hex'));
      if (!found || found.context !== JSON.stringify(command.input.EncryptionContext)) throw new Error('InvalidCiphertextException');
      return { Plaintext: Buffer.from(found.plaintext) };
    },
  };
  return { client, sent };
}

describe('the envelope identity vault (local data keys)', () => {
  const material = randomBytes(32);
  const vault = localIdentityVault(material);

  it('seals a number with its wrapped data key so that it opens for its order only, and never reads as the number', async () => {
    const sealed = await vault.seal(ID, 'ORD-A');
    expect(sealed).toMatch(/^v2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(ID);
    for (const part of parts(sealed).slice(1)) expect(Buffer.from(part, 'base64url').toString('latin1')).not.toContain(ID);
    expect(await vault.open(sealed, 'ORD-A')).toBe(ID);
    // The same key file opens it in another process (the operator function locally).
    expect(await localIdentityVault(material).open(sealed, 'ORD-A')).toBe(ID);
  });

  it('refuses a value under another order id: the data key is bound to its order, and so is the ciphertext', async () => {
    const sealed = await vault.seal(ID, 'ORD-A');
    await expect(vault.open(sealed, 'ORD-B')).rejects.toThrow();
    const keys = new LocalDataKeys(material);
    const { wrapped } = await keys.generate('ORD-A');
    await expect(keys.unwrap(wrapped, 'ORD-B')).rejects.toThrow();
  });

  it('takes a fresh data key for every seal', async () => {
    const keys = new RecordingDataKeys(new LocalDataKeys(material));
    const recording = new EnvelopeIdentityVault(keys, async () => localHashKey(material));
    const first = await recording.seal(ID, 'ORD-A');
    const second = await recording.seal(ID, 'ORD-A');
    expect(keys.generated).toHaveLength(2);
    expect(keys.generated[0]!.equals(keys.generated[1]!)).toBe(false);
    expect(first).not.toBe(second);
    expect(parts(first)[1]).not.toBe(parts(second)[1]);
    expect(keys.unwraps).toBe(0);
    expect(await recording.open(first, 'ORD-A')).toBe(ID);
    expect(keys.unwraps).toBe(1);
  });

  it('refuses a tampered ciphertext, IV or wrapped key, a key from another seal, another key file, v1 values and garbage', async () => {
    const sealed = await vault.seal(ID, 'ORD-A');
    const [version, wrapped, iv, body] = parts(sealed);
    await expect(vault.open([version, wrapped, iv, flip(body)].join('.'), 'ORD-A')).rejects.toThrow();
    await expect(vault.open([version, wrapped, flip(iv), body].join('.'), 'ORD-A')).rejects.toThrow();
    await expect(vault.open([version, flip(wrapped, 20), iv, body].join('.'), 'ORD-A')).rejects.toThrow();
    const other = parts(await vault.seal(ID, 'ORD-A'));
    await expect(vault.open([version, other[1], iv, body].join('.'), 'ORD-A')).rejects.toThrow();
    await expect(localIdentityVault(randomBytes(32)).open(sealed, 'ORD-A')).rejects.toThrow();
    await expect(vault.open(`v1.${iv}.${body}`, 'ORD-A')).rejects.toThrow('Not a sealed identity value');
    await expect(vault.open('not-sealed', 'ORD-A')).rejects.toThrow('Not a sealed identity value');
  });

  it('hashes one buyer to one key that reveals nothing, and another key file gives another hash', async () => {
    const key = await vault.buyerKey(ID);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await vault.buyerKey(ID)).toBe(key);
    expect(await vault.buyerKey('440524188001010014')).not.toBe(key);
    expect(await localIdentityVault(randomBytes(32)).buyerKey(ID)).not.toBe(key);
  });

  it('refuses key material shorter than 32 bytes', () => {
    expect(() => localIdentityVault(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => new LocalDataKeys(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('the shop seals and hashes but cannot open; the operator opens but cannot hash', () => {
  const material = randomBytes(32);
  const keys = new LocalDataKeys(material);
  const shop = new EnvelopeIdentityVault(generateOnly(keys), async () => localHashKey(material));
  const operator = new EnvelopeIdentityVault(keys, async () => {
    throw new Error('no hash key here');
  });

  it('the shop’s sealed value opens for the operator only', async () => {
    const sealed = await shop.seal(ID, 'ORD-A');
    expect(await shop.buyerKey(ID)).toMatch(/^[0-9a-f]{64}$/);
    await expect(shop.open(sealed, 'ORD-A')).rejects.toThrow(/kms:Decrypt/);
    expect(await operator.open(sealed, 'ORD-A')).toBe(ID);
    await expect(operator.buyerKey(ID)).rejects.toThrow('no hash key here');
  });
});

describe('data keys from KMS', () => {
  it('asks GenerateDataKey for an AES-256 key under the identity key, bound to the order, and Decrypt with the same binding', async () => {
    const kms = fakeKms();
    const vault = new EnvelopeIdentityVault(new KmsDataKeys(kms.client, KEY_ARN), async () => randomBytes(32));
    const sealed = await vault.seal(ID, 'ORD-A');
    expect(kms.sent).toHaveLength(1);
    const generate = kms.sent[0]!;
    expect(generate).toBeInstanceOf(GenerateDataKeyCommand);
    expect(generate.input).toEqual({ KeyId: KEY_ARN, KeySpec: 'AES_256', EncryptionContext: { purpose: 'resident-id', orderId: 'ORD-A' } });
    // The wrapped key KMS returned is what the sealed value carries.
    const blob = Buffer.from(parts(sealed)[1], 'base64url');

    expect(await vault.open(sealed, 'ORD-A')).toBe(ID);
    const decrypt = kms.sent[1]!;
    expect(decrypt).toBeInstanceOf(DecryptCommand);
    expect(decrypt.input).toEqual({ KeyId: KEY_ARN, CiphertextBlob: blob, EncryptionContext: { purpose: 'resident-id', orderId: 'ORD-A' } });

    // Another order's context: KMS refuses to unwrap.
    await expect(vault.open(sealed, 'ORD-B')).rejects.toThrow('InvalidCiphertextException');
    await vault.seal(ID, 'ORD-A');
    expect(kms.sent.filter((command) => command instanceof GenerateDataKeyCommand)).toHaveLength(2);
  });

  it('with Decrypt denied (the shop’s role) seals but does not open', async () => {
    const kms = fakeKms({ denyDecrypt: true });
    const shop = new EnvelopeIdentityVault(new KmsDataKeys(kms.client, KEY_ARN), async () => randomBytes(32));
    const sealed = await shop.seal(ID, 'ORD-A');
    await expect(shop.open(sealed, 'ORD-A')).rejects.toThrow('AccessDeniedException');
  });

  it('refuses an answer without a data key', async () => {
    const empty = new KmsDataKeys({ send: async () => ({}) }, KEY_ARN);
    await expect(empty.generate('ORD-A')).rejects.toThrow(/no data key/);
    await expect(empty.unwrap(randomBytes(48), 'ORD-A')).rejects.toThrow(/no data key/);
  });
});

describe('where the keys come from', () => {
  it('locally: makes an owner-only key file on first use and reads the same key after', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'identity-key-')), 'keys', 'identity.key');
    const first = localIdentityKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(localIdentityKey(path)).toEqual(first);
    const sealed = await lazyIdentityVault({ IDENTITY_KEY_FILE: path }).seal(ID, 'ORD-A');
    expect(await lazyIdentityVault({ IDENTITY_KEY_FILE: path }).open(sealed, 'ORD-A')).toBe(ID);
    expect(await lazyIdentityVault({ IDENTITY_KEY_FILE: path }).buyerKey(ID)).toBe(await localIdentityVault(first).buyerKey(ID));
    expect(readFileSync(path, 'utf8')).not.toContain(ID);
  });

  it('refuses a key file holding a placeholder', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'identity-key-')), 'identity.key');
    writeFileSync(path, 'changeme\n');
    expect(() => localIdentityKey(path)).toThrow(/too short/);
  });

  it('in AWS, the shop: no call at start, KMS per seal, the hash secret read once', async () => {
    const kms = fakeKms({ denyDecrypt: true });
    let secretReads = 0;
    let kmsClients = 0;
    const secret = randomBytes(48).toString('base64');
    const shop = lazyIdentityVault(
      { IDENTITY_KMS_KEY_ARN: KEY_ARN, IDENTITY_HASH_SECRET_ARN: HASH_SECRET_ARN },
      { secrets: () => ({ send: async () => ((secretReads += 1), { SecretString: secret }) }), kms: () => ((kmsClients += 1), kms.client) },
    );
    expect([kms.sent.length, secretReads, kmsClients]).toEqual([0, 0, 0]);
    const sealed = await shop.seal(ID, 'ORD-A');
    await shop.seal(ID, 'ORD-B');
    expect(kms.sent).toHaveLength(2);
    for (const command of kms.sent) expect(command).toBeInstanceOf(GenerateDataKeyCommand);
    expect(kmsClients).toBe(1);
    const key = await shop.buyerKey(ID);
    expect(await shop.buyerKey(ID)).toBe(key);
    expect(secretReads).toBe(1);
    await expect(shop.open(sealed, 'ORD-A')).rejects.toThrow('AccessDeniedException');
  });

  it('in AWS, the operator: opens with KMS, reads no secret, and cannot hash', async () => {
    const kms = fakeKms();
    const sealed = await new EnvelopeIdentityVault(new KmsDataKeys(kms.client, KEY_ARN), async () => randomBytes(32)).seal(ID, 'ORD-A');
    let secretClients = 0;
    const operator = lazyIdentityVault({ IDENTITY_KMS_KEY_ARN: KEY_ARN }, { secrets: () => ((secretClients += 1), { send: async () => ({}) }), kms: () => kms.client });
    expect(await operator.open(sealed, 'ORD-A')).toBe(ID);
    await expect(operator.buyerKey(ID)).rejects.toThrow(/IDENTITY_HASH_SECRET_ARN/);
    expect(secretClients).toBe(0);
  });

  it('fails where it is used when no key is configured, and says how to configure it', async () => {
    await expect(lazyIdentityVault({}).seal(ID, 'ORD-A')).rejects.toThrow(/IDENTITY_KMS_KEY_ARN.*IDENTITY_KEY_FILE/);
    const sealed = await localIdentityVault(randomBytes(32)).seal(ID, 'ORD-A');
    await expect(lazyIdentityVault({}).open(sealed, 'ORD-A')).rejects.toThrow(/IDENTITY_KMS_KEY_ARN/);
    await expect(lazyIdentityVault({}).buyerKey(ID)).rejects.toThrow(/IDENTITY_HASH_SECRET_ARN.*IDENTITY_KEY_FILE/);
  });
});
