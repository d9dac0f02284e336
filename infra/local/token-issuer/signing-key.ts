import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SigningKey {
  readonly privateKey: CryptoKey;
  /** The public half as published in the JWKS (kid, alg, use set). */
  readonly publicJwk: JWK;
}

const KEY_FILE = 'token-issuer-key.json';

/**
 * The local issuer's RSA key, kept in the data folder so tokens (and `npm run token`) stay valid
 * across restarts. Made once; if two processes race to make it, the first file written wins.
 */
export async function loadOrCreateSigningKey(keyDir: string): Promise<SigningKey> {
  const path = join(keyDir, KEY_FILE);
  let stored: JWK;
  try {
    stored = JSON.parse(await readFile(path, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const jwk = await exportJWK(privateKey);
    await mkdir(keyDir, { recursive: true });
    try {
      await writeFile(path, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
      stored = jwk;
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      stored = JSON.parse(await readFile(path, 'utf8')) as JWK;
    }
  }
  const { kty, n, e } = stored;
  const publicPart: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicPart);
  const privateKey = (await importJWK({ ...stored, alg: 'RS256' }, 'RS256')) as CryptoKey;
  return { privateKey, publicJwk: { ...publicPart, kid, alg: 'RS256', use: 'sig' } };
}
