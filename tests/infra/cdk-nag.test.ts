import { rmSync } from 'node:fs';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthCloudApp } from './cloud-app-fixture.js';

let synth: ReturnType<typeof synthCloudApp>;

beforeAll(() => {
  // The configuration an operator deploys first: no custom domain. Bundling is skipped (nag reads templates).
  synth = synthCloudApp({ nag: true });
});

afterAll(() => rmSync(synth.assembly.directory, { recursive: true, force: true }));

const findings = (stack: Stack, level: 'error' | 'warning') => {
  const annotations = Annotations.fromStack(stack);
  const found = level === 'error' ? annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')) : annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'));
  return found.map((f) => `${f.id}: ${String(f.entry.data).split(': ')[0]}`);
};

describe('cdk-nag AwsSolutions checks', () => {
  it('find no unsuppressed error in the stateful stack', () => {
    expect(findings(synth.stateful, 'error')).toEqual([]);
  });

  it('find no unsuppressed error in the stateless stack', () => {
    expect(findings(synth.stateless, 'error')).toEqual([]);
  });

  it('find no unsuppressed warning either', () => {
    expect([...findings(synth.stateful, 'warning'), ...findings(synth.stateless, 'warning')]).toEqual([]);
  });
});
