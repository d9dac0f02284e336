import { rmSync } from 'node:fs';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
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

  it('find no unsuppressed error in the web ACL’s stack (us-east-1)', () => {
    expect(findings(synth.edge, 'error')).toEqual([]);
  });

  it('find no unsuppressed warning either', () => {
    expect([...findings(synth.edge, 'warning'), ...findings(synth.stateful, 'warning'), ...findings(synth.stateless, 'warning')]).toEqual([]);
  });

  const suppressedIds = (metadata: any): string[] => (metadata?.cdk_nag?.rules_to_suppress ?? []).map((rule: { id: string }) => rule.id);

  it('suppress no wildcard (IAM5) or runtime (L1) finding for a whole stack', () => {
    for (const stack of [synth.edge, synth.stateful, synth.stateless]) {
      const stackWide = suppressedIds(Template.fromStack(stack).toJSON().Metadata);
      expect(stackWide, stack.stackName).not.toContain('AwsSolutions-IAM5');
      expect(stackWide, stack.stackName).not.toContain('AwsSolutions-L1');
    }
  });

  it('suppress the runtime finding (L1) only on our own functions and on CDK’s own handlers, by their ids', () => {
    const cdkHandler = /^(CustomCDKBucketDeployment|AWS679f53fac002430cb0da5b7982bd2287|LogRetention[0-9a-f]{32}|CustomCrossRegionExport(Reader|Writer)CustomResourceProviderHandler)/;
    let suppressed = 0;
    for (const stack of [synth.edge, synth.stateful, synth.stateless]) {
      const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<string, { Metadata?: unknown; Properties: any }>;
      for (const [id, fn] of Object.entries(functions)) {
        if (!suppressedIds(fn.Metadata).includes('AwsSolutions-L1')) continue;
        suppressed++;
        const ours = Boolean(fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME);
        expect(ours || cdkHandler.test(id), id).toBe(true);
      }
    }
    expect(suppressed).toBeGreaterThan(0);
  });
});
