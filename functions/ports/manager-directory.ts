import type { PavilionCode } from '../domain/pavilion.js';

/** The account exists already (in any pavilion): nothing was changed. */
export class ManagerExistsError extends Error {
  constructor() {
    super('An account with this email exists already');
    this.name = 'ManagerExistsError';
  }
}

/**
 * Where pavilion managers' accounts live: Cognito in AWS (adapters/auth/cognito-manager-directory.ts),
 * the local token issuer at home (infra/local/token-issuer/managers.ts). An invited manager is an
 * account carrying the pavilion the workspace trusts (custom:pavilion), told by email how to sign in.
 */
export interface ManagerDirectory {
  /** Throws ManagerExistsError when the email has an account already. */
  invite(email: string, pavilion: PavilionCode): Promise<void>;
}
