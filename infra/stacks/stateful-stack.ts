import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { DataTable } from '../constructs/data-table.js';
import { ManagerUserPool } from '../constructs/pavilion-auth.js';
import { AccessLogBucket, PrivateBucket } from '../constructs/private-bucket.js';

/**
 * What must outlive any deploy: the table, the buckets, the personal-data key, the identity key and hash secret,
 * the pavilion managers' and operators' accounts and the Stripe keys the operator typed in. Termination protection is on and everything is retained on delete;
 * the stateless stack receives these as props and never looks them up.
 */
export interface StatefulStackProps extends StackProps {
  /**
   * Origins of the site, for the images bucket's CORS (managers' browsers upload photos straight to
   * S3 with presigned PUTs). The distribution is made later, in the stateless stack, so without a
   * custom domain this is CloudFront's wildcard; the presigned URL remains the real permission.
   */
  readonly siteOrigins?: readonly string[];
}

export class StatefulStack extends Stack {
  readonly personalDataKey: Key;
  readonly table: Table;
  readonly siteBucket: Bucket;
  readonly imagesBucket: Bucket;
  readonly logsBucket: Bucket;
  readonly stripeSecret: Secret;
  /**
   * Wraps the data keys that seal buyers' resident ID numbers (envelope encryption,
   * functions/adapters/crypto/kms-data-keys.ts): the shop may only make data keys, the operator app
   * only unwrap them. Lose it and no sealed number opens again.
   */
  readonly identityKey: Key;
  /** The HMAC key of the yearly count per buyer (a keyed hash of the ID number); only the shop reads it. */
  readonly identityHashSecret: Secret;
  /** The HMAC key orders are filed under by their shopper's email: the shop files them, operators find them (never the ID hash key). */
  readonly shopperLookupSecret: Secret;
  readonly managerPool: UserPool;
  /**
   * The value CloudFront sends to the API in `x-origin-verify` (functions/http/origin-guard.ts), so the
   * HTTP API's own address refuses requests that skipped CloudFront and its web ACL. Generated here and
   * never output; CloudFormation copies it into the distribution's origin header and the API functions'
   * environment (README, "Deploying to AWS"; docs/ARCHITECTURE.md).
   */
  readonly originVerifySecret: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, { terminationProtection: true, ...props });

    this.personalDataKey = new Key(this, 'PersonalDataKey', {
      alias: 'alias/sco-bazaar/personal-data',
      description: 'SCO Bazaar: seals the table (orders hold buyer names, addresses, phone and ID numbers)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new DataTable(this, 'Data', { encryptionKey: this.personalDataKey }).table;

    this.logsBucket = new AccessLogBucket(this, 'AccessLogs').bucket;
    this.siteBucket = new PrivateBucket(this, 'Site', { accessLogs: this.logsBucket, accessLogsPrefix: 's3/site/' }).bucket;
    // Product photos are uploaded once and kept: versioning guards against an overwrite by mistake.
    this.imagesBucket = new PrivateBucket(this, 'Images', {
      accessLogs: this.logsBucket,
      accessLogsPrefix: 's3/images/',
      versioned: true,
      uploadOrigins: props.siteOrigins ?? ['https://*.cloudfront.net'],
      // Uploads go to EventBridge, whose rule (stateless stack, infra/constructs/image-variants.ts) makes their sizes.
      eventBridge: true,
    }).bucket;

    // Created with a random placeholder; the operator puts the real keys in (README.md, "Connecting Stripe").
    this.stripeSecret = new Secret(this, 'StripeKeys', {
      description: 'SCO Bazaar: Stripe keys as JSON {"secretKey":"sk_…","webhookSecret":"whsec_…"}',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A key of its own, so that a grant on it is a grant on ID numbers and nothing else.
    this.identityKey = new Key(this, 'IdentityKey', {
      alias: 'alias/sco-bazaar/identity',
      description: 'SCO Bazaar: wraps the data keys that seal buyers\' resident ID numbers (AES-256-GCM envelope encryption)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Generated here and never shown: no output names its value, and only the shop (which counts the yearly limit) may read it.
    this.identityHashSecret = new Secret(this, 'IdentityHashKey', {
      description: 'SCO Bazaar: the HMAC key that hashes buyers\' resident ID numbers for the yearly limit (never encrypts)',
      encryptionKey: this.personalDataKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false, requireEachIncludedType: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The operator console finds a shopper's orders by a keyed hash of their email: a key of its own, so
    // operators never hold the key that names buyers' yearly counts.
    this.shopperLookupSecret = new Secret(this, 'ShopperLookupKey', {
      description: 'SCO Bazaar: the key of the keyed hash that files orders under their shopper\'s email, for operators to find them (never encrypts)',
      encryptionKey: this.personalDataKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false, requireEachIncludedType: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.managerPool = new ManagerUserPool(this, 'PavilionManagers').userPool;

    // Not a key to data: letters and digits only (an HTTP header value), kept like the rest of this stack.
    this.originVerifySecret = new Secret(this, 'OriginVerify', {
      description: 'SCO Bazaar: the value CloudFront sends in x-origin-verify with every /api request; the API refuses requests without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false, requireEachIncludedType: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'For npm run build:site against the cloud (TABLE_NAME)' });
    new CfnOutput(this, 'ImagesBucketName', { value: this.imagesBucket.bucketName, description: 'Product photos, under media/' });
  }
}
