import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { SignJWT, createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import { OPERATORS_GROUP, PAVILION_CLAIM, PAVILION_GROUP_PREFIX } from '../../../functions/adapters/auth/jwt-verifier.js';
import type { Pavilion, PavilionCode } from '../../../functions/domain/pavilion.js';
import { LocalManagerDirectory } from './managers.js';
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
  /** Where sign-in and sign-out send the browser; sign-in adds `?code=…&state=…` (a one-time code, worthless without the tab's PKCE verifier). */
  readonly workspaceUrl?: string;
  /** The operator console, where the demo operator's sign-in returns (default /operator/). */
  readonly operatorUrl?: string;
  /** Milliseconds since the epoch; tests move it to expire a code. */
  readonly clock?: () => number;
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
  /** Adds the `operators` group, as `cognito-idp admin-add-user-to-group --group-name operators` does in AWS. */
  readonly operator?: boolean;
}

/** The demo operator's subject: one account, in no pavilion. */
export const DEMO_OPERATOR_SUBJECT = 'demo-operator';

export interface TokenIssuer {
  readonly app: Hono;
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly signInUrl: string;
  /** Cognito's /logout stand-in: there is no session here to end, so it only goes back to the workspace. */
  readonly signOutUrl: string;
  /** The same sign-in page, asked to return to the operator console (`redirect_uri`, as with Cognito). */
  readonly operatorSignInUrl: string;
  /** Sign-out back to the operator console (`logout_uri`, as with Cognito). */
  readonly operatorSignOutUrl: string;
  /** The published key set, for a verifier in the same process that should not fetch it over HTTP. */
  readonly jwks: JWTVerifyGetKey;
  /** Managers operators invited (the console's invitation, in place of Cognito AdminCreateUser); listed on the sign-in page. */
  readonly managers: LocalManagerDirectory;
  signToken(pavilion: PavilionCode, options?: SignOptions): Promise<string>;
  /** A token of the demo operator: the `operators` group and no pavilion. */
  signOperatorToken(options?: SignOptions): Promise<string>;
}

export const DEFAULT_TOKEN_SECONDS = 8 * 60 * 60;

/**
 * The local stand-in for the Cognito user pool: publishes its key set like Cognito does
 * (`<issuer>/.well-known/jwks.json`) and signs ID tokens shaped like Cognito's
 * (`custom:pavilion`, `cognito:groups: [pavilion-<CC>]`, `token_use: id`; the demo operator's
 * carry `cognito:groups: [operators]`). Local use only: anyone who reaches it can sign in as any
 * demo manager, or as the operator.
 */
export async function createTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const key = await loadOrCreateSigningKey(options.keyDir);
  const issuer = options.issuer.replace(/\/$/, '');
  const signFor = (pavilion: PavilionCode | null, sign: SignOptions) => signWith(key, { ...sign, issuer: sign.issuer ?? issuer, audience: sign.audience ?? options.audience }, pavilion);
  const signToken = (pavilion: PavilionCode, sign: SignOptions = {}) => signFor(pavilion, sign);
  const signOperatorToken = (sign: SignOptions = {}) => signFor(null, { subject: DEMO_OPERATOR_SUBJECT, ...sign, operator: true });
  const managers = new LocalManagerDirectory(options.keyDir);
  const app = createTokenIssuerApp({ ...options, issuer }, key, signToken, signOperatorToken, managers);
  return {
    app,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience: options.audience,
    signInUrl: `${issuer}/sign-in`,
    signOutUrl: `${issuer}/sign-out`,
    operatorSignInUrl: `${issuer}/sign-in?redirect_uri=${encodeURIComponent(returnUrlsOf(options).operator)}`,
    operatorSignOutUrl: `${issuer}/sign-out?logout_uri=${encodeURIComponent(returnUrlsOf(options).operator)}`,
    jwks: createLocalJWKSet({ keys: [key.publicJwk] }),
    managers,
    signToken,
    signOperatorToken,
  };
}

/** The issuer's routes, relative to where it is mounted (the local server mounts it at /auth). */
export function createTokenIssuerApp(
  options: TokenIssuerOptions,
  key: SigningKey,
  signToken: (pavilion: PavilionCode, options?: SignOptions) => Promise<string>,
  signOperatorToken: (options?: SignOptions) => Promise<string>,
  managers?: LocalManagerDirectory,
): Hono {
  const app = new Hono();
  const codes = new AuthorizationCodes(options.clock ?? Date.now);
  const known = new Map(options.pavilions.map((pavilion) => [pavilion.code, pavilion]));
  const { workspace: workspaceUrl, operator: operatorUrl } = returnUrlsOf(options);
  // Like the Cognito app client's callback and logout URLs: the only places a token or a sign-out may be sent.
  const allowed = new Set([workspaceUrl, operatorUrl]);
  const returnTo = (raw: unknown): string | null | undefined => {
    if (raw === undefined || raw === '') return undefined;
    return typeof raw === 'string' && allowed.has(raw) ? raw : null;
  };

  app.get('/.well-known/jwks.json', (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json({ keys: [key.publicJwk] });
  });
  app.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer: options.issuer,
      jwks_uri: `${options.issuer}/.well-known/jwks.json`,
      authorization_endpoint: `${options.issuer}/sign-in`,
      token_endpoint: `${options.issuer}/token`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    }),
  );
  app.get('/sign-in', (c) => {
    // Only the authorization code flow with PKCE: no tokens in a URL (the implicit grant, RFC 9700 §2.1.2).
    if (c.req.query('response_type') !== 'code') return c.text(UNSUPPORTED_RESPONSE_TYPE, 400);
    const challenge = challengeOf({ code_challenge: c.req.query('code_challenge'), code_challenge_method: c.req.query('code_challenge_method') });
    if (!challenge) return c.text(CHALLENGE_REQUIRED, 400);
    const binding = bindingOf({ state: c.req.query('state'), nonce: c.req.query('nonce') });
    if (!binding) return c.text('state and nonce must be 1 to 256 URL-safe characters', 400);
    const redirectUri = returnTo(c.req.query('redirect_uri'));
    if (redirectUri === null) return c.text(REDIRECT_MISMATCH, 400);
    c.header('cache-control', 'no-store');
    // The page posts back to this very path, wherever the issuer is mounted, carrying state, nonce and redirect_uri along.
    return c.html(signInPage([...known.values()], c.req.path, { ...binding, codeChallenge: challenge, ...(redirectUri ? { redirectUri } : {}) }, managers?.list() ?? []));
  });
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const operator = form['role'] === 'operator';
    // An invited manager signs in under their own subject, for the pavilion they were invited to.
    const invited = typeof form['manager'] === 'string' ? managers?.bySubject(form['manager']) : undefined;
    if (form['manager'] !== undefined && !invited) return c.text('Unknown manager', 400);
    const code = invited ? invited.pavilion : typeof form['pavilion'] === 'string' ? form['pavilion'] : '';
    if (!operator && !known.has(code)) return c.text('Unknown pavilion', 400);
    const challenge = challengeOf({ code_challenge: form['code_challenge'], code_challenge_method: 'S256' });
    if (!challenge) return c.text(CHALLENGE_REQUIRED, 400);
    const binding = bindingOf({ state: form['state'], nonce: form['nonce'] });
    if (!binding) return c.text('state and nonce must be 1 to 256 URL-safe characters', 400);
    const redirectUri = returnTo(form['redirect_uri']);
    if (redirectUri === null) return c.text(REDIRECT_MISMATCH, 400);
    const sign = binding.nonce ? { nonce: binding.nonce } : {};
    const token = operator ? await signOperatorToken(sign) : await signToken(code, invited ? { ...sign, subject: invited.subject } : sign);
    const authorizationCode = codes.issue({ token, challenge, ...(redirectUri ? { redirectUri } : {}) });
    c.header('cache-control', 'no-store');
    // Only to an allowed URL (no open redirect): the one the sign-in asked for, else the account's own page.
    // Only a one-time code and the state ride in the query, as with Cognito's code flow; the token waits at /token.
    const destination = redirectUri ?? (operator ? operatorUrl : workspaceUrl);
    const state = binding.state ? `&state=${encodeURIComponent(binding.state)}` : '';
    return c.redirect(`${destination}?code=${authorizationCode}${state}`, 303);
  });
  // Cognito's /oauth2/token for a public client: the code, once, within its short life, with the verifier whose
  // S256 hash the sign-in carried, and the same redirect_uri. Errors as RFC 6749 §5.2 spells them.
  app.post('/token', async (c) => {
    c.header('cache-control', 'no-store');
    const form = await c.req.parseBody();
    const refuse = (error: string, description: string) => c.json({ error, error_description: description }, 400);
    if (form['grant_type'] !== 'authorization_code') return refuse('unsupported_grant_type', 'grant_type must be authorization_code');
    if (form['client_id'] !== undefined && form['client_id'] !== options.audience) return refuse('invalid_client', 'client_id is not this client');
    const verifier = form['code_verifier'];
    if (typeof verifier !== 'string' || !VERIFIER.test(verifier)) return refuse('invalid_request', 'code_verifier must be 43 to 128 unreserved characters');
    const issued = typeof form['code'] === 'string' ? codes.redeem(form['code']) : undefined;
    if (!issued) return refuse('invalid_grant', 'the code is unknown, used or expired');
    if (challengeFor(verifier) !== issued.challenge) return refuse('invalid_grant', 'code_verifier does not match the code_challenge');
    const redirectUri = form['redirect_uri'] === '' ? undefined : form['redirect_uri'];
    if (redirectUri !== issued.redirectUri) return refuse('invalid_grant', 'redirect_uri differs from the sign-in request');
    return c.json({ id_token: issued.token, token_type: 'Bearer', expires_in: DEFAULT_TOKEN_SECONDS }, 200);
  });
  app.get('/sign-out', (c) => {
    const logoutUri = returnTo(c.req.query('logout_uri'));
    if (logoutUri === null) return c.text('logout_uri is not one of the sign-out URLs of this client', 400);
    c.header('cache-control', 'no-store');
    return c.redirect(logoutUri ?? workspaceUrl, 302);
  });
  return app;
}

/** A sign-in's state and nonce (each optional as with Cognito; undefined when one is malformed), and where it returns. */
export interface SignInBinding {
  readonly state?: string;
  readonly nonce?: string;
  /** The S256 code_challenge the sign-in carried, kept with the code it issues. */
  readonly codeChallenge?: string;
  /** Where to return, when the sign-in asked for one of the allowed places (Cognito's `redirect_uri`). */
  readonly redirectUri?: string;
}

const REDIRECT_MISMATCH = 'redirect_uri is not one of the callback URLs of this client';
const UNSUPPORTED_RESPONSE_TYPE = 'response_type must be code (the implicit grant is not offered)';
const CHALLENGE_REQUIRED = 'code_challenge (43 base64url characters) and code_challenge_method=S256 are required';

/** How long a code may wait for its exchange: the page exchanges it as soon as it loads. */
export const CODE_SECONDS = 60;

/** RFC 7636 §4.1: 43 to 128 of A-Z a-z 0-9 - . _ ~ */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The S256 code_challenge of a verifier (RFC 7636 §4.2). */
export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function challengeOf(raw: { code_challenge: unknown; code_challenge_method: unknown }): string | undefined {
  const challenge = raw.code_challenge;
  return raw.code_challenge_method === 'S256' && typeof challenge === 'string' && CHALLENGE.test(challenge) ? challenge : undefined;
}

interface IssuedCode {
  readonly token: string;
  readonly challenge: string;
  readonly redirectUri?: string;
  readonly expiresAt: number;
}

/** Codes waiting for their exchange: each redeemable once (taken out on the first try, right or wrong), and only briefly. */
class AuthorizationCodes {
  private readonly waiting = new Map<string, IssuedCode>();

  constructor(private readonly now: () => number) {}

  issue(code: Omit<IssuedCode, 'expiresAt'>): string {
    for (const [key, old] of this.waiting) if (old.expiresAt <= this.now()) this.waiting.delete(key);
    const value = randomBytes(32).toString('base64url');
    this.waiting.set(value, { ...code, expiresAt: this.now() + CODE_SECONDS * 1000 });
    return value;
  }

  redeem(code: string): IssuedCode | undefined {
    const issued = this.waiting.get(code);
    this.waiting.delete(code);
    return issued && issued.expiresAt > this.now() ? issued : undefined;
  }
}

/** The pages a sign-in may return to: the workspace, and the operator console. */
function returnUrlsOf(options: Pick<TokenIssuerOptions, 'workspaceUrl' | 'operatorUrl'>): { workspace: string; operator: string } {
  return { workspace: options.workspaceUrl ?? '/pavilion/', operator: options.operatorUrl ?? '/operator/' };
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

/** Signs for a pavilion's demo manager, or (pavilion null) for an account in no pavilion. */
async function signWith(key: SigningKey, options: SignOptions & { issuer: string; audience: string }, pavilion: PavilionCode | null): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const tokenUse = options.tokenUse ?? 'id';
  const where = pavilion === null ? 'none' : (options.pavilionIn ?? 'both');
  const claims: Record<string, unknown> = { token_use: tokenUse };
  const groups: string[] = [];
  if (where === 'both' || where === 'attribute') claims[PAVILION_CLAIM] = pavilion;
  if (where === 'both' || where === 'group') groups.push(`${PAVILION_GROUP_PREFIX}${pavilion}`);
  if (options.operator) groups.push(OPERATORS_GROUP);
  if (groups.length > 0) claims['cognito:groups'] = groups;
  if (tokenUse === 'access') claims['client_id'] = options.audience;
  if (options.nonce && tokenUse === 'id') claims['nonce'] = options.nonce;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid ?? '', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setSubject(options.subject ?? `demo-manager-${(pavilion ?? 'none').toLowerCase()}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? DEFAULT_TOKEN_SECONDS));
  if (tokenUse === 'id') jwt.setAudience(options.audience);
  return jwt.sign(key.privateKey);
}
