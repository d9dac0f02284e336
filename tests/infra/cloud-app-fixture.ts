import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fileURLToPath } from 'node:url';
import { entryExists } from '../../infra/constructs/paths.js';
import { createCloudApp, type CloudAppOptions } from '../../infra/stacks/cloud-app.js';

export const FIXTURE_SITE_DIST = fileURLToPath(new URL('../fixtures/site-dist', import.meta.url));
export const FIXTURE_REGION = 'ap-southeast-1';
const STAND_IN_ENTRY = 'tests/fixtures/lambda/stand-in.ts';

/** Every app of api-apps.ts is in the template: its real entry when written, else a stand-in. */
const realOrStandIn = (entry: string) => (entryExists(entry) ? entry : STAND_IN_ENTRY);

export interface SynthOptions extends Partial<Pick<CloudAppOptions, 'customDomain' | 'nag'>> {
  /** Bundle the functions with esbuild (slower); otherwise CDK skips bundling. */
  readonly bundle?: boolean;
}

/** The whole cloud app on the fixture site, synthesised once for a test file. */
export function synthCloudApp(options: SynthOptions = {}) {
  const app = new App({ context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
  const stacks = createCloudApp({
    app,
    siteDist: FIXTURE_SITE_DIST,
    // A region other than us-east-1, so the web ACL's ARN crosses regions as it does for most deploys.
    env: { region: FIXTURE_REGION },
    resolveEntry: realOrStandIn,
    nag: options.nag ?? false,
    ...(options.customDomain ? { customDomain: options.customDomain } : {}),
  });
  const assembly = app.synth();
  return {
    ...stacks,
    assembly,
    edgeTemplate: Template.fromStack(stacks.edge),
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
  };
}

type Json = unknown;

/**
 * Renders an intrinsic (Fn::Join, Ref, Fn::ImportValue, Fn::GetAtt) as readable text:
 * `${AWS::Region}`, `${Import:…}`, `${Ref:…}`, so assertions can read a URL the template builds.
 */
export function renderIntrinsic(value: Json): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const object = value as Record<string, Json>;
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, Json[]];
      return parts.map(renderIntrinsic).join(separator);
    }
    if ('Ref' in object) return String(object.Ref).startsWith('AWS::') ? `\${${String(object.Ref)}}` : `\${Ref:${String(object.Ref)}}`;
    if ('Fn::ImportValue' in object) return `\${Import:${renderIntrinsic(object['Fn::ImportValue'])}}`;
    if ('Fn::GetAtt' in object) return `\${GetAtt:${(object['Fn::GetAtt'] as string[]).join('.')}}`;
  }
  return JSON.stringify(value);
}
