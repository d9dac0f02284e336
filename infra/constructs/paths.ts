import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root: Lambda entries, the lock file and the site build's source all hang off it. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function repoPath(relative: string): string {
  return join(REPO_ROOT, relative);
}

/** Apps land one by one; an entry that is not written yet is skipped, so synth works in between. */
export function entryExists(relative: string): boolean {
  return existsSync(repoPath(relative));
}

/** Maps an entry named in api-apps.ts to the file to bundle, or undefined to leave the function out. */
export type EntryResolver = (entry: string) => string | undefined;

export const entryIfWritten: EntryResolver = (entry) => (entryExists(entry) ? entry : undefined);
