import type { PavilionCode } from '../domain/pavilion.js';

/**
 * Who is calling, as proven by a verified token and nothing else. One account may manage a
 * pavilion, be an operator, both, or neither; each route decides what it needs (http/pavilion/auth.ts,
 * http/operator-auth.ts).
 */
export interface Principal {
  /** The token's subject: an opaque user id (never logged with anything personal). */
  readonly subject: string;
  /** The one pavilion the token names; absent when it names none, or several. */
  readonly pavilion?: PavilionCode;
  /** A member of the operators group: reads every order's customs document, buyer's ID number included. */
  readonly operator: boolean;
}

/** A caller of the pavilion workspace: a principal with exactly one pavilion. */
export interface Manager {
  readonly subject: string;
  readonly pavilion: PavilionCode;
}

/** The token is missing, malformed, badly signed, expired, or meant for someone else: 401. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenVerifier {
  /** Throws InvalidTokenError for any token that is not ours and current; a valid token always gives a principal. */
  verify(token: string): Promise<Principal>;
}
