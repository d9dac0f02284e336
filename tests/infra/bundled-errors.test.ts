import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleLambda } from '../../infra/constructs/bundling.js';
import { invokeBundle } from '../support/invoke-bundle.js';
import { httpApiEvent } from '../support/lambda-event.js';

const FIXTURE = 'tests/fixtures/lambda/failing-route.ts';
const work = mkdtempSync(join(tmpdir(), 'bundled-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an error in a bundled function', () => {
  it('is logged with its stack mapped to the .ts source and line, without --enable-source-maps', async () => {
    const bundle = await bundleLambda(FIXTURE, join(work, 'failing'));
    const { result, logs } = await invokeBundle(bundle.file, httpApiEvent('/api/fail'), { POWERTOOLS_SERVICE_NAME: 'fixture' });

    expect(result.statusCode).toBe(500);
    const logged = logs.find((log) => log.message === 'unhandled');
    expect(logged).toMatchObject({ level: 'ERROR', error: 'Error', detail: 'the fixture fails here' });
    const throwLine = readFileSync(FIXTURE, 'utf8').split('\n').findIndex((line) => line.includes("throw new Error('the fixture fails here')")) + 1;
    expect(throwLine).toBeGreaterThan(0);
    const firstFrame = String(logged?.stack).split('\n')[0];
    expect(firstFrame).toContain(`${FIXTURE}:${throwLine}:`);
    // The minified bundle appears in no frame that the map covers.
    expect(String(logged?.stack)).not.toMatch(/index\.mjs:\d+:\d+\)?\n/);
  });

  it('is logged without its stack when no map lies beside the bundle (nothing else changes)', async () => {
    const bundle = await bundleLambda(FIXTURE, join(work, 'no-map'));
    rmSync(`${bundle.file}.map`);
    const { result, logs } = await invokeBundle(bundle.file, httpApiEvent('/api/fail'), { POWERTOOLS_SERVICE_NAME: 'fixture' });
    expect(result.statusCode).toBe(500);
    const firstFrame = String(logs.find((log) => log.message === 'unhandled')?.stack).split('\n')[0];
    expect(firstFrame).toMatch(/index\.mjs:\d+:\d+\)?$/);
  });
});
