import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { IDENTITY_KEY_PURPOSE, type DataKeys } from './envelope-identity-vault.js';

/** What the adapter needs of KMSClient; tests pass a stand-in that records the commands. */
export interface KmsClientLike {
  send(command: GenerateDataKeyCommand | DecryptCommand): Promise<{ Plaintext?: Uint8Array | undefined; CiphertextBlob?: Uint8Array | undefined }>;
}

/**
 * Data keys from the identity KMS key (infra/stacks/stateful-stack.ts), bound to their order by the
 * encryption context {purpose: 'resident-id', orderId}. The shop's role may only call
 * GenerateDataKey and the operator's only Decrypt, both on this key and only for this purpose, so
 * the shop can seal a number and never open one.
 */
export class KmsDataKeys implements DataKeys {
  constructor(
    private readonly client: KmsClientLike,
    private readonly keyArn: string,
  ) {}

  async generate(orderId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }> {
    const { Plaintext, CiphertextBlob } = await this.client.send(
      new GenerateDataKeyCommand({ KeyId: this.keyArn, KeySpec: 'AES_256', EncryptionContext: encryptionContext(orderId) }),
    );
    if (!Plaintext || !CiphertextBlob) throw new Error('KMS returned no data key');
    return { plaintext: Plaintext, wrapped: CiphertextBlob };
  }

  async unwrap(wrapped: Uint8Array, orderId: string): Promise<Uint8Array> {
    // KeyId pins the key: a blob wrapped under any other key is refused rather than decrypted.
    const { Plaintext } = await this.client.send(
      new DecryptCommand({ KeyId: this.keyArn, CiphertextBlob: wrapped, EncryptionContext: encryptionContext(orderId) }),
    );
    if (!Plaintext) throw new Error('KMS returned no data key');
    return Plaintext;
  }
}

function encryptionContext(orderId: string): Record<string, string> {
  return { purpose: IDENTITY_KEY_PURPOSE, orderId };
}
