import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalEmail } from '../../../functions/domain/operator-console.js';
import type { PavilionCode } from '../../../functions/domain/pavilion.js';
import { ManagerExistsError, type ManagerDirectory } from '../../../functions/ports/manager-directory.js';

/** A manager an operator invited: signs in on the local page under their own subject, for their pavilion. */
export interface InvitedManager {
  readonly email: string;
  readonly pavilion: PavilionCode;
  readonly subject: string;
}

/**
 * The local stand-in for Cognito's AdminCreateUser: invited managers are kept beside the issuer's
 * key (`<data>/auth/managers.json`, so they survive restarts) and listed on the local sign-in page.
 * Local use only, like the issuer itself.
 */
export class LocalManagerDirectory implements ManagerDirectory {
  private readonly file: string;
  private managers: InvitedManager[];

  constructor(private readonly keyDir: string) {
    this.file = join(keyDir, 'managers.json');
    this.managers = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as InvitedManager[]) : [];
  }

  list(): readonly InvitedManager[] {
    return this.managers;
  }

  bySubject(subject: string): InvitedManager | undefined {
    return this.managers.find((manager) => manager.subject === subject);
  }

  async invite(email: string, pavilion: PavilionCode): Promise<void> {
    const address = normalEmail(email);
    if (this.managers.some((manager) => manager.email === address)) throw new ManagerExistsError();
    this.managers = [...this.managers, { email: address, pavilion, subject: `invited-${randomUUID()}` }];
    await mkdir(this.keyDir, { recursive: true });
    await writeFile(this.file, JSON.stringify(this.managers, null, 2), { mode: 0o600 });
  }
}
