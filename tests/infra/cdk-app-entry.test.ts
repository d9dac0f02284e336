import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs infra/app.ts as `cdk synth` would, with context in CDK_CONTEXT_JSON. */
function runApp(context: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context) },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('infra/app.ts', () => {
  it('refuses to synth without a built site and says how to build it', () => {
    const run = runApp({ siteDist: 'tests/fixtures/no-such-site' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('npm run build:site');
  });

  it('refuses a custom domain without its certificate', () => {
    const run = runApp({ siteDist: 'tests/fixtures/site-dist', domainName: 'shop.example.com' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('certificateArn');
  });
});
