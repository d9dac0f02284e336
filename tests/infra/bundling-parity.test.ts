import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppFunction } from '../../infra/constructs/app-function.js';
import { bundleLambda } from '../../infra/constructs/bundling.js';

const work = mkdtempSync(join(tmpdir(), 'bundling-parity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('one definition of the Lambda bundle', () => {
  it('gives byte for byte the same bundle through CDK (esbuild CLI) as through bundleLambda (esbuild JS API)', async () => {
    const app = new App({ outdir: join(work, 'cdk.out') });
    const stack = new Stack(app, 'Parity');
    const fn = new AppFunction(stack, 'Catalogue', { service: 'catalogue', entry: 'functions/handlers/catalogue.ts' });
    const assembly = app.synth();
    const code = stack.resolve((fn.node.defaultChild as CfnFunction).code) as { s3Key: string };
    const cdkBundle = readFileSync(join(assembly.directory, `asset.${code.s3Key.replace(/\.zip$/, '')}`, 'index.mjs'));

    const ours = await bundleLambda('functions/handlers/catalogue.ts', join(work, 'js-api'));
    expect(cdkBundle.byteLength).toBe(ours.bytes);
    expect(cdkBundle.equals(readFileSync(ours.file))).toBe(true);
  });
});
