import { JwtTokenVerifier } from '../adapters/auth/jwt-verifier.js';
import type { Config } from '../config.js';
import type { TokenVerifier } from '../ports/token-verifier.js';

/** The verifier of managers' and operators' tokens, where an issuer is configured (the workspace and the operator console). */
export function wireTokens(config: Config): { tokens?: TokenVerifier } {
  if (!config.AUTH_ISSUER || !config.AUTH_AUDIENCE) return {};
  return { tokens: new JwtTokenVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, jwksUrl: config.AUTH_JWKS_URL }) };
}
