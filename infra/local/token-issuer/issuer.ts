import { Hono } from 'hono';
import { SignJWT, createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import { PAVILION_CLAIM, PAVILION_GROUP_PREFIX } from '../../../functions/adapters/auth/jwt-verifier.js';
import type { Pavilion, PavilionCode } from '../../../functions/domain/pavilion.js';
import { signInPage } from './sign-in-page.js';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.js';

export interface TokenIssuerOptions {
  /** Where the RSA key is kept (the local data folder), so tokens survive restarts. */
  readonly keyDir: string;
  /** The issuer URL as the API sees it, e.g. `http://localhost:4321/auth` when mounted at /auth. */
  readonly issuer: string;
  /** The app client id the API expects in `aud`. */
  readonly audience: string;
  readonly pavilions: readonly Pavilion[];
  /** Where sign-in and sign-out send the browser; sign-in adds `#id_token=…&state=…` (the fragment never reaches a server log). */
  readonly workspaceUrl?: string;
}

export interface SignOptions {
  /** Seconds until expiry (default 8 hours, a working day); negative makes an expired token. */
  readonly expiresIn?: number;
  readonly issuer?: string;
  readonly audience?: string;
  readonly subject?: string;
  /** 'id' (default, with aud) or 'access' (Cognito style: client_id, no aud). */
  readonly tokenUse?: 'id' | 'access';
  /** How the pavilion is named: both (default), only the custom attribute, only the group, or not at all (tests). */
  readonly pavilionIn?: 'both' | 'attribute' | 'group' | 'none';
  /** The `nonce` the sign-in request carried, echoed in the ID token as Cognito does. */
  readonly nonce?: string;
}

export interface TokenIssuer {
  readonly app: Hono;
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly signInUrl: string;
  /** Cognito's /logout stand-in: there is no session here to end, so it only goes back to the workspace. */
  readonly signOutUrl: string;
  /** The published key set, for a verifier in the same process that should not fetch it over HTTP. */
  readonly jwks: JWTVerifyGetKey;
  signToken(pavilion: PavilionCode, options?: SignOptions): Promise<string>;
}

export const DEFAULT_TOKEN_SECONDS = 8 * 60 * 60;

/**
 * The local stand-in for the Cognito user pool: publishes its key set like Cognito does
 * (`<issuer>/.well-known/jwks.json`) and signs ID tokens shaped like Cognito's
 * (`custom:pavilion`, `cognito:groups: [pavilion-<CC>]`, `token_use: id`). Local use only:
 * anyone who reaches it can sign in as any demo manager.
 */
export async function createTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const key = await loadOrCreateSigningKey(options.keyDir);
  const issuer = options.issuer.replace(/\/$/, '');
  const signToken = (pavilion: PavilionCode, sign: SignOptions = {}) => signWith(key, { ...sign, issuer: sign.issuer ?? issuer, audience: sign.audience ?? options.audience }, pavilion);
  const app = createTokenIssuerApp({ ...options, issuer }, key, signToken);
  return {
    app,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience: options.audience,
    signInUrl: `${issuer}/sign-in`,
    signOutUrl: `${issuer}/sign-out`,
    jwks: createLocalJWKSet({ keys: [key.publicJwk] }),
    signToken,
  };
}

/** The issuer's routes, relative to where it is mounted (the local server mounts it at /auth). */
export function createTokenIssuerApp(
  options: TokenIssuerOptions,
  key: SigningKey,
  signToken: (pavilion: PavilionCode, options?: SignOptions) => Promise<string>,
): Hono {
  const app = new Hono();
  const known = new Map(options.pavilions.map((pavilion) => [pavilion.code, pavilion]));
  const workspaceUrl = options.workspaceUrl ?? '/pavilion/';

  app.get('/.well-known/jwks.json', (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json({ keys: [key.publicJwk] });
  });
  app.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer: options.issuer,
      jwks_uri: `${options.issuer}/.well-known/jwks.json`,
      authorization_endpoint: `${options.issuer}/sign-in`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    }),
  );
  app.get('/sign-in', (c) => {
    const binding = bindingOf({ state: c.req.query('state'), nonce: c.req.query('nonce') });
    if (!binding) return c.text('state and nonce must be 1 to 256 URL-safe characters', 400);
    c.header('cache-control', 'no-store');
    // The page posts back to this very path, wherever the issuer is mounted, carrying state and nonce along.
    return c.html(signInPage([...known.values()], c.req.path, binding));
  });
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form['pavilion'] === 'string' ? form['pavilion'] : '';
    if (!known.has(code)) return c.text('Unknown pavilion', 400);
    const binding = bindingOf({ state: form['state'], nonce: form['nonce'] });
    if (!binding) return c.text('state and nonce must be 1 to 256 URL-safe characters', 400);
    const token = await signToken(code, binding.nonce ? { nonce: binding.nonce } : {});
    c.header('cache-control', 'no-store');
    // Fixed destination (no open redirect); the token and the state ride in the fragment, as in Cognito's implicit flow.
    const state = binding.state ? `&state=${encodeURIComponent(binding.state)}` : '';
    return c.redirect(`${workspaceUrl}#id_token=${encodeURIComponent(token)}${state}`, 303);
  });
  app.get('/sign-out', (c) => {
    c.header('cache-control', 'no-store');
    return c.redirect(workspaceUrl, 302);
  });
  return app;
}

/** A sign-in's state and nonce, each optional as with Cognito; undefined when one is malformed. */
export interface SignInBinding {
  readonly state?: string;
  readonly nonce?: string;
}

const BINDING_VALUE = /^[\w.~-]{1,256}$/;

function bindingOf(raw: { state: unknown; nonce: unknown }): SignInBinding | undefined {
  const binding: { state?: string; nonce?: string } = {};
  for (const name of ['state', 'nonce'] as const) {
    const value = raw[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !BINDING_VALUE.test(value)) return undefined;
    binding[name] = value;
  }
  return binding;
}

async function signWith(key: SigningKey, options: SignOptions & { issuer: string; audience: string }, pavilion: PavilionCode): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const tokenUse = options.tokenUse ?? 'id';
  const where = options.pavilionIn ?? 'both';
  const claims: Record<string, unknown> = { token_use: tokenUse };
  if (where === 'both' || where === 'attribute') claims[PAVILION_CLAIM] = pavilion;
  if (where === 'both' || where === 'group') claims['cognito:groups'] = [`${PAVILION_GROUP_PREFIX}${pavilion}`];
  if (tokenUse === 'access') claims['client_id'] = options.audience;
  if (options.nonce && tokenUse === 'id') claims['nonce'] = options.nonce;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid ?? '', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setSubject(options.subject ?? `demo-manager-${pavilion.toLowerCase()}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? DEFAULT_TOKEN_SECONDS));
  if (tokenUse === 'id') jwt.setAudience(options.audience);
  return jwt.sign(key.privateKey);
}
