import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, type IDestination } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
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
}

/** Every function of the project is namespaced in CloudWatch under this name. */
export const METRICS_NAMESPACE = 'ScoBazaar';

/**
 * One Lambda of the project with the house defaults: Node.js 22 on ARM64 (Graviton, cheaper per ms),
 * bundled by the local esbuild (no Docker) into one minified ESM file with a source map, the AWS SDK
 * included so the deployed SDK is the one the tests ran against, and Powertools configured by env.
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
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        externalModules: [],
        forceDockerBundling: false,
        logLevel: LogLevel.ERROR,
        // Licence comments go to a file beside the bundle, so the bundle ends with its export and source map.
        esbuildArgs: { '--legal-comments': 'external' },
        // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
        banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
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
