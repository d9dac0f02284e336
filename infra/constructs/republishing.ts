import { Duration, IgnoreMode, RemovalPolicy } from 'aws-cdk-lib';
import { BuildSpec, ComputeType, LinuxBuildImage, Project, Source } from 'aws-cdk-lib/aws-codebuild';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct, type IDependable } from 'constructs';
import { CATALOGUE_PARTITIONS } from '../../functions/adapters/dynamodb/keys.js';
import { REPUBLISH_ENTRY } from './api-apps.js';
import { AppFunction } from './app-function.js';
import { REPO_ROOT } from './paths.js';
import { grantTableAccess } from './table-access.js';

export interface RepublishingProps {
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly siteBucket: IBucket;
  readonly distribution: IDistribution;
  readonly siteUrl: string;
  /** Records the stream consumer gave up on. */
  readonly failures: IQueue;
  /** The deploy-time upload of the site; the first rebuild runs after it. */
  readonly siteDeployment: IDependable;
  /** Changes whenever the uploaded site changes, so every such deploy is followed by a rebuild. */
  readonly siteFingerprint: string;
}

/** What the build does not need from the repository (the rest is its source, uploaded as an asset). */
const NOT_SOURCE = ['node_modules/', 'cdk.out/', '.git/', '.data/', 'site/dist/', 'site/.astro/', 'coverage/', '.tmp/', '/tests/', '*.log', '.env*'];

/** Stock moves on every checkout; the pages show it live, so batches wait this long for company. */
const DEBOUNCE = Duration.seconds(300);

/**
 * The site republishes itself: a catalogue change on the table's stream (the product and pavilion
 * partitions only, filtered before any Lambda runs) waits up to five minutes for more changes,
 * then a small function (handlers/republish.ts: only changes to what the pages show count) starts
 * a CodeBuild project that runs `npm ci && npm run build:site` against the table, syncs the bucket
 * and invalidates CloudFront. One build at a time (concurrency limit 1).
 */
export class Republishing extends Construct {
  readonly project: Project;
  readonly trigger: AppFunction;

  constructor(scope: Construct, id: string, props: RepublishingProps) {
    super(scope, id);

    const source = new Asset(this, 'Source', { path: REPO_ROOT, ignoreMode: IgnoreMode.GIT, exclude: NOT_SOURCE });
    const logGroup = new LogGroup(this, 'BuildLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.project = new Project(this, 'SiteBuild', {
      description: 'SCO Bazaar: rebuilds the static site from the table and publishes it',
      source: Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      environment: { buildImage: LinuxBuildImage.STANDARD_7_0, computeType: ComputeType.SMALL },
      environmentVariables: {
        TABLE_NAME: { value: props.table.tableName },
        SITE_BUCKET: { value: props.siteBucket.bucketName },
        DISTRIBUTION_ID: { value: props.distribution.distributionId },
        SITE_URL: { value: props.siteUrl },
        ASTRO_TELEMETRY_DISABLED: { value: '1' },
      },
      concurrentBuildLimit: 1,
      timeout: Duration.minutes(20),
      logging: { cloudWatch: { logGroup } },
      buildSpec: BuildSpec.fromObject({
        version: '0.2',
        phases: {
          install: { 'runtime-versions': { nodejs: 20 }, commands: ['npm ci --no-audit --no-fund'] },
          // One phase, so a failed build never syncs (post_build would run after a failure).
          build: {
            commands: [
              'npm run build:site',
              'aws s3 sync site/dist "s3://$SITE_BUCKET" --delete --no-progress',
              'aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths "/*"',
            ],
          },
        },
      }),
    });
    // The build reads the catalogue's partitions only (dynamodb:LeadingKeys): never an order or a ledger.
    grantTableAccess(this.project, props.table, props.tableKey, 'catalogue');
    this.project.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.siteBucket.bucketArn] }));
    this.project.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [props.siteBucket.arnForObjects('*')],
      }),
    );
    props.distribution.grantCreateInvalidation(this.project);

    this.trigger = new AppFunction(this, 'Trigger', {
      service: 'republish',
      entry: REPUBLISH_ENTRY,
      environment: { SITE_BUILD_PROJECT: this.project.projectName },
      memorySize: 256,
      // Long enough to wait out a running build before starting the next (handlers/republish.ts).
      timeout: Duration.minutes(10),
    });
    this.trigger.addToRolePolicy(new PolicyStatement({ actions: ['codebuild:StartBuild'], resources: [this.project.projectArn] }));
    this.trigger.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 1000,
        maxBatchingWindow: DEBOUNCE,
        retryAttempts: 5,
        bisectBatchOnError: false,
        onFailure: new SqsDlq(props.failures),
        filters: CATALOGUE_PARTITIONS.map((pk) =>
          FilterCriteria.filter({ dynamodb: { Keys: { PK: { S: 'beginsWith' in pk ? FilterRule.beginsWith(pk.beginsWith) : FilterRule.isEqual(pk.equals) } } } }),
        ),
      }),
    );

    // The deploy uploads the site as built on the operator's machine, perhaps from local data:
    // rebuild from the live table right after every deploy that changed the source or that upload.
    // A build already running (limit 1) rebuilds anyway, so that refusal is not a failed deploy.
    const startBuild = {
      service: 'CodeBuild',
      action: 'StartBuild',
      parameters: { projectName: this.project.projectName },
      physicalResourceId: PhysicalResourceId.of(`${source.assetHash.slice(0, 16)}-${props.siteFingerprint.slice(0, 16)}`),
      ignoreErrorCodesMatching: 'AccountLimitExceededException',
    };
    const rebuildAfterDeploy = new AwsCustomResource(this, 'RebuildAfterDeploy', {
      onCreate: startBuild,
      onUpdate: startBuild,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['codebuild:StartBuild'], resources: [this.project.projectArn] }),
      ]),
      installLatestAwsSdk: false,
    });
    rebuildAfterDeploy.node.addDependency(props.siteDeployment);
  }
}
