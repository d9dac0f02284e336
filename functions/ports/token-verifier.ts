import type { PavilionCode } from '../domain/pavilion.js';

/** Who is calling the pavilion workspace, as proven by a verified token and nothing else. */
export interface Manager {
  /** The token's subject: an opaque user id (never logged with anything personal). */
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

/** The token is valid but names no single pavilion (or several): 403. */
export class NoPavilionError extends Error {
  constructor() {
    super('The token does not name exactly one pavilion');
    this.name = 'NoPavilionError';
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<Manager>;
}
