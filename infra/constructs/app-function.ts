import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, type IDestination } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { readFileSync } from 'node:fs';
import { lambdaBundling } from './bundling.js';
import { REPO_ROOT, repoPath } from './paths.js';

export interface AppFunctionProps {
  /** Powertools service name; also names the log group. */
  readonly service: string;
  /** Entry file relative to the repository root, exporting `handler`. */
  readonly entry: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** For asynchronous invocations (schedules): where a failed event goes after its retries. */
  readonly onFailure?: IDestination;
  readonly retryAttempts?: number;
  /**
   * Packages with native code (sharp): left out of the bundle and installed beside it for Linux on
   * ARM64, at the exact version package.json pins, so the function gets the binaries for its own CPU.
   */
  readonly nativeModules?: readonly string[];
}

/** Every function of the project is namespaced in CloudWatch under this name. */
export const METRICS_NAMESPACE = 'ScoBazaar';

/**
 * One Lambda of the project with the house defaults: Node.js 22 on ARM64 (Graviton, cheaper per ms),
 * bundled by the local esbuild (no Docker) with the settings of bundling.ts (one minified ESM file with a
 * source map, the AWS SDK included so the deployed SDK is the one the tests ran against), and Powertools
 * configured by env.
 */
export class AppFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: repoPath(props.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: repoPath('package-lock.json'),
      bundling: {
        ...lambdaBundling(props.nativeModules),
        ...(props.nativeModules?.length ? { commandHooks: installForArm64(props.nativeModules) } : {}),
      },
      // No NODE_OPTIONS=--enable-source-maps: it loads the source map at every cold start and maps every stack
      // built; the map stays beside the bundle and is read only when an error is logged
      // (functions/adapters/observability/mapped-stack.ts; the numbers in docs/ARCHITECTURE.md).
      environment: {
        POWERTOOLS_SERVICE_NAME: props.service,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      ...(props.onFailure ? { onFailure: props.onFailure } : {}),
      ...(props.retryAttempts !== undefined ? { retryAttempts: props.retryAttempts } : {}),
    });
  }
}

/**
 * After esbuild, `npm install` the native packages into the bundle's node_modules for linux-arm64
 * (glibc, as Lambda's Node.js 22 runtime), whatever machine synthesises: `--os/--cpu/--libc` make npm
 * pick those optional binaries (@img/sharp-linux-arm64 and its libvips) instead of the host's.
 */
function installForArm64(modules: readonly string[]) {
  const pinned = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const specs = modules.map((name) => {
    const version = pinned.dependencies?.[name];
    if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`${name} must be an exactly pinned dependency in package.json to ship it in a function`);
    return `${name}@${version}`;
  });
  return {
    beforeBundling: (): string[] => [],
    beforeInstall: (): string[] => [],
    afterBundling: (_inputDir: string, outputDir: string): string[] => [
      [
        'npm install --prefix', JSON.stringify(outputDir),
        '--os=linux --cpu=arm64 --libc=glibc --omit=dev --ignore-scripts --no-save --no-package-lock --no-audit --no-fund --prefer-offline --loglevel=error',
        ...specs,
      ].join(' '),
    ],
  };
}
