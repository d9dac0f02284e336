import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { PAVILION_CODE, type PavilionCode } from '../../domain/pavilion.js';
import { InvalidTokenError, type Principal, type TokenVerifier } from '../../ports/token-verifier.js';

export interface JwtVerifierOptions {
  /** The `iss` every token must carry (Cognito: https://cognito-idp.<region>.amazonaws.com/<pool id>). */
  readonly issuer: string;
  /** The app client id: `aud` of an ID token, `client_id` of an access token. */
  readonly audience: string;
  /** Defaults to `<issuer>/.well-known/jwks.json` (Cognito's and the local issuer's path). */
  readonly jwksUrl?: string;
  /** Tests and special setups may hand in a key set directly. */
  readonly keys?: JWTVerifyGetKey;
}

/** The custom attribute and group prefix the Cognito pool (CDK) and the local issuer both use. */
export const PAVILION_CLAIM = 'custom:pavilion';
export const PAVILION_GROUP_PREFIX = 'pavilion-';
/** The Cognito group of operators (infra/constructs/pavilion-auth.ts makes it; the local issuer signs it). */
export const OPERATORS_GROUP = 'operators';

/**
 * Verifies a manager's or operator's JWT against the issuer's published keys, the same code locally and in AWS.
 * Only RS256 is accepted (so `alg: none` and HS256 tokens forged with the public key are refused),
 * and the token must be unexpired, from our issuer and for our app client.
 */
export class JwtTokenVerifier implements TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: JwtVerifierOptions) {
    // createRemoteJWKSet caches the keys and refetches (rate-limited) when a token names an unknown kid.
    this.keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
      throw error;
    }
    checkAudience(payload, this.options.audience);
    const pavilion = pavilionOf(payload);
    return { subject: String(payload.sub), ...(pavilion ? { pavilion } : {}), operator: groupsOf(payload).includes(OPERATORS_GROUP) };
  }
}

/**
 * Cognito ID tokens carry the client id in `aud`; access tokens carry none and put it in
 * `client_id` with `token_use: access` (docs.aws.amazon.com/cognito, "Verifying a JSON Web Token").
 */
function checkAudience(payload: JWTPayload, audience: string): void {
  const use = payload['token_use'];
  if (use === 'access') {
    if (payload['client_id'] !== audience) throw new InvalidTokenError('ERR_JWT_CLAIM_VALIDATION_FAILED: client_id');
    return;
  }
  if (use !== undefined && use !== 'id') throw new InvalidTokenError('ERR_JWT_CLAIM_VALIDATION_FAILED: token_use');
  const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud === undefined ? [] : [payload.aud];
  if (!audiences.includes(audience)) throw new InvalidTokenError('ERR_JWT_CLAIM_VALIDATION_FAILED: aud');
}

/**
 * The pavilion comes from the `custom:pavilion` attribute (ID tokens) or a `pavilion-<CC>` group
 * (ID and access tokens). A token naming none, or two different ones, manages no pavilion.
 */
function pavilionOf(payload: JWTPayload): PavilionCode | undefined {
  const named = new Set<string>();
  const attribute = payload[PAVILION_CLAIM];
  if (typeof attribute === 'string' && attribute !== '') named.add(attribute.toUpperCase());
  for (const group of groupsOf(payload)) {
    if (group.startsWith(PAVILION_GROUP_PREFIX)) named.add(group.slice(PAVILION_GROUP_PREFIX.length).toUpperCase());
  }
  const [only, ...others] = [...named];
  if (!only || others.length > 0 || !PAVILION_CODE.test(only)) return undefined;
  return only;
}

/** `cognito:groups`, in ID and access tokens alike; anything that is not a list of strings counts as none. */
function groupsOf(payload: JWTPayload): string[] {
  const groups = payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}
