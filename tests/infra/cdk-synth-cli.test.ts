import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const outdir = mkdtempSync(join(tmpdir(), 'sco-cdk-out-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it('synthesizes every stack with the real `npx cdk synth`, offline and without AWS credentials', () => {
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '-c', 'siteDist=tests/fixtures/site-dist', '-o', outdir], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK_DISABLE_CLI_TELEMETRY: '1',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_PROFILE: '',
      // Unroutable on purpose: any attempt to reach AWS would fail the synth instead of passing by luck.
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    timeout: 240_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  const templates = readdirSync(outdir).filter((file) => file.endsWith('.template.json'));
  // The web ACL's stack (us-east-1) too; with no region configured the CLI says us-east-1 for the others as well.
  expect(templates.sort()).toEqual(['ScoBazaarEdge.template.json', 'ScoBazaarStateful.template.json', 'ScoBazaarStateless.template.json']);
  expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
}, 300_000);
