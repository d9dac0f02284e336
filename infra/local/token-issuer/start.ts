import { serve } from '@hono/node-server';
import { freePort } from '../free-port.js';
import { createTokenIssuer, type SignOptions, type TokenIssuerOptions } from './issuer.js';
import type { PavilionCode } from '../../../functions/domain/pavilion.js';

export interface StartTokenIssuerOptions extends Omit<TokenIssuerOptions, 'issuer'> {
  /** 0 or omitted: a free port. */
  readonly port?: number;
  /** Defaults to http://127.0.0.1:<port>. */
  readonly issuerUrl?: string;
}

export interface RunningTokenIssuer {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly signInUrl: string;
  readonly signOutUrl: string;
  readonly operatorSignInUrl: string;
  readonly operatorSignOutUrl: string;
  signToken(pavilion: PavilionCode, options?: SignOptions): Promise<string>;
  signOperatorToken(options?: SignOptions): Promise<string>;
  stop(): Promise<void>;
}

/** Runs the local token issuer on its own port (tests; the local server mounts createTokenIssuer().app at /auth instead). */
export async function startTokenIssuer(options: StartTokenIssuerOptions): Promise<RunningTokenIssuer> {
  const port = options.port || (await freePort());
  const issuer = await createTokenIssuer({ ...options, issuer: options.issuerUrl ?? `http://127.0.0.1:${port}` });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: issuer.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
    started.once('error', reject);
  });
  return {
    issuer: issuer.issuer,
    jwksUrl: issuer.jwksUrl,
    audience: issuer.audience,
    signInUrl: issuer.signInUrl,
    signOutUrl: issuer.signOutUrl,
    operatorSignInUrl: issuer.operatorSignInUrl,
    operatorSignOutUrl: issuer.operatorSignOutUrl,
    signToken: issuer.signToken,
    signOperatorToken: issuer.signOperatorToken,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
