import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, type CfnBucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface PrivateBucketProps {
  /** Where S3 writes the server access logs of this bucket. */
  readonly accessLogs: IBucket;
  readonly accessLogsPrefix: string;
  readonly versioned?: boolean;
  /** Origins whose pages may PUT to presigned upload URLs (the browser uploads straight to S3). */
  readonly uploadOrigins?: readonly string[];
  /** Sends the bucket's object events to EventBridge (the images bucket: uploads get their variants). */
  readonly eventBridge?: boolean;
}

/**
 * A bucket nobody reads directly: public access blocked, TLS required, kept when the stack goes.
 * CloudFront reads it through Origin Access Control. The distribution lives in the stateless stack,
 * and naming its exact ARN here would make the two stacks depend on each other, so the policy
 * admits CloudFront distributions of this account only (the pattern CDK itself uses for OAC keys).
 */
export class PrivateBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: PrivateBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: props.versioned ?? false,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: props.accessLogsPrefix,
      ...(props.versioned ? { lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }] } : {}),
      ...(props.uploadOrigins?.length
        ? {
            cors: [
              {
                allowedOrigins: [...props.uploadOrigins],
                allowedMethods: [HttpMethods.PUT],
                allowedHeaders: ['content-type', 'content-length'],
                maxAge: 3600,
              },
            ],
          }
        : {}),
    });
    // Set on the bucket itself: CDK's `eventBridgeEnabled` would do it through a custom-resource Lambda.
    if (props.eventBridge) (this.bucket.node.defaultChild as CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontOriginAccessControlRead',
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        // ListBucket lets S3 answer 404 for a missing page instead of 403.
        actions: ['s3:GetObject', 's3:ListBucket'],
        resources: [this.bucket.bucketArn, this.bucket.arnForObjects('*')],
        conditions: {
          ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
        },
      }),
    );
  }
}

/** The log bucket of the buckets and the distribution. CloudFront's standard logs need ACLs (object writer). */
export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
  }
}
