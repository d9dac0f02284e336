import { join } from 'node:path';

/**
 * The local issuer's settings, shared by the local server, `npm run token` and the API's
 * verifier, so a token printed by the CLI is accepted by the running server.
 */
export const LOCAL_AUDIENCE = 'sco-bazaar-pavilion-local';

/** The key lives in the data folder (DATA_DIR, default .data) under auth/. */
export function localKeyDir(dataDir: string): string {
  return join(dataDir, 'auth');
}

/** The issuer is mounted at /auth on the local server's origin. */
export function localIssuerUrl(origin: string): string {
  return `${origin.replace(/\/$/, '')}/auth`;
}
