import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { API_APP_SPECS, IMAGE_VARIANTS_ENTRY, MAIL_ENTRY, RATES_REFRESH_ENTRY, REPUBLISH_ENTRY, SWEEP_ENTRY } from './api-apps.js';
import { repoPath } from './paths.js';

/**
 * The one definition of how a Lambda is bundled: CDK's NodejsFunction (app-function.ts) runs the esbuild
 * CLI with `lambdaBundling()`, and the budget test and the bench run esbuild's JS API with
 * `bundleLambda()`. Both read the settings below, so a byte measured in a test is a byte deployed.
 */
const SETTINGS = {
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  // sharp is never bundled (native code): the function that resizes ships it (AppFunctionProps.nativeModules);
  // the API functions reach it only on the local server's upload path (functions/adapters/images/variants.ts).
  external: ['sharp'],
  // Licence comments go to a file beside the bundle, so the bundle ends with its export and source map.
  legalComments: 'external',
  // Chinese and Russian texts as they are (3 and 2 bytes a character) rather than \uXXXX escapes (6):
  // the recipient's divisions list alone is 120 KB escaped, 84 KB not. Node reads the bundle as UTF-8.
  charset: 'utf8',
  // zod without its ~50 locales (English stays the default): see zod-en-only/classic.js.
  alias: { zod: repoPath('infra/constructs/zod-en-only') },
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
} as const;

/** The bundle's file name: CDK names an ESM bundle index.mjs, so the JS API does too. */
const BUNDLE_FILE = 'index.mjs';

/** NodejsFunction's bundling props for these settings; `nativeModules` are left out too (see AppFunctionProps). */
export function lambdaBundling(nativeModules: readonly string[] = []): BundlingOptions {
  return {
    format: SETTINGS.format as BundlingOptions['format'],
    target: SETTINGS.target,
    mainFields: [...SETTINGS.mainFields],
    minify: SETTINGS.minify,
    sourceMap: SETTINGS.sourcemap,
    sourcesContent: SETTINGS.sourcesContent,
    externalModules: [...new Set([...SETTINGS.external, ...nativeModules])],
    forceDockerBundling: false,
    logLevel: 'error' as BundlingOptions['logLevel'],
    // NodejsFunction has no props for legal comments and aliases, and its `charset` never reaches esbuild (CDK
    // 2.276): all three go to the esbuild CLI as given (`--alias:zod=…`). tests/infra/bundling-parity.test.ts
    // checks that this and esbuildOptions() give the same bytes.
    esbuildArgs: { '--legal-comments': SETTINGS.legalComments, '--charset': SETTINGS.charset, '--alias': `zod=${SETTINGS.alias.zod}` },
    banner: SETTINGS.banner,
  };
}

/** The same build through esbuild's JS API (as the CDK's CLI call: platform node, bundle, linked source map). */
export function esbuildOptions(entry: string, outDir: string): BuildOptions {
  return {
    entryPoints: [repoPath(entry)],
    outfile: join(outDir, BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    target: SETTINGS.target,
    format: SETTINGS.format,
    mainFields: [...SETTINGS.mainFields],
    minify: SETTINGS.minify,
    sourcemap: SETTINGS.sourcemap,
    sourcesContent: SETTINGS.sourcesContent,
    external: [...SETTINGS.external],
    legalComments: SETTINGS.legalComments,
    charset: SETTINGS.charset,
    alias: { ...SETTINGS.alias },
    banner: { js: SETTINGS.banner },
    logLevel: 'error',
    metafile: true,
  };
}

export interface LambdaBundle {
  /** The bundle (index.mjs), its source map beside it as index.mjs.map. */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

/** Bundles one entry (relative to the repository root) into outDir exactly as a deployed function is bundled. */
export async function bundleLambda(entry: string, outDir: string): Promise<LambdaBundle> {
  await mkdir(outDir, { recursive: true });
  const result = await build(esbuildOptions(entry, outDir));
  const file = join(outDir, BUNDLE_FILE);
  const code = await readFile(file);
  return { file, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, metafile: result.metafile! };
}

/** Every function the stacks deploy, by the name its budget and the bench report it under. */
export const LAMBDA_ENTRIES: ReadonlyArray<{ name: string; entry: string }> = [
  ...API_APP_SPECS.map(({ name, entry }) => ({ name, entry })),
  { name: 'sweep', entry: SWEEP_ENTRY },
  { name: 'republish', entry: REPUBLISH_ENTRY },
  { name: 'rates', entry: RATES_REFRESH_ENTRY },
  { name: 'image-variants', entry: IMAGE_VARIANTS_ENTRY },
  { name: 'mail', entry: MAIL_ENTRY },
];

/** The floor: a bare Hono app on hono/aws-lambda doing one GetItem with the document client. */
export const BARE_HANDLER_ENTRY = 'tests/fixtures/lambda/bare-hono-dynamodb.ts';

/**
 * What a bundle is made of, biggest first: bytes in the output per npm package (`zod`, `@aws-sdk/client-s3`),
 * or per folder of the project for its own files (`functions/http`), the data files by name.
 */
export function inputsByPackage(metafile: Metafile): Array<{ name: string; bytes: number }> {
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint);
  const sizes = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) sizes.set(packageOf(path), (sizes.get(packageOf(path)) ?? 0) + input.bytesInOutput);
  return [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

function packageOf(path: string): string {
  if (path.includes('infra/constructs/zod-en-only/')) return 'zod';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage) return inPackage[1]!;
  if (path.includes('/data/')) return path;
  return path.split('/').slice(0, 2).join('/');
}
