import { Duration } from 'aws-cdk-lib';
import { Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { VARIANT_WIDTHS } from '../../functions/domain/images.js';
import { AppFunction } from './app-function.js';

/** Where the upload URLs put photos (functions/adapters/images/image-keys.ts), and so where their variants go. */
export const UPLOAD_PREFIX = 'media/products/';

export interface ImageVariantsProps {
  readonly entry: string;
  /** Sends its object events to EventBridge (the stateful stack turns that on). */
  readonly imagesBucket: IBucket;
  /** Events the rule could not deliver, and invocations that failed after their retries. */
  readonly failures: IQueue;
}

/**
 * Every photo a pavilion uploads gets its responsive WebP variants (functions/domain/images.ts):
 * S3's "Object Created" event for media/products/ goes through an EventBridge rule to a function
 * (functions/handlers/image-variants.ts) that runs sharp, bundled with its Linux ARM64 binaries.
 * EventBridge rather than a bucket notification: the bucket lives in the stateful stack and the
 * function here, and a notification would tie the two stacks both ways.
 *
 * The function may read uploads and write variants, nothing else: it cannot replace an original
 * (variant names end in -320/-640/-1280.webp; upload names are bare uuids). Its own writes come
 * back as events and are passed over by name (the handler reads only upload keys).
 */
export class ImageVariants extends Construct {
  readonly function: AppFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ImageVariantsProps) {
    super(scope, id);
    const bucket = props.imagesBucket;
    this.function = new AppFunction(this, 'Function', {
      service: 'image-variants',
      entry: props.entry,
      environment: { IMAGES_BUCKET: bucket.bucketName },
      nativeModules: ['sharp'],
      // A 5 MB photo decodes to ~100 MB of pixels; memory also buys the CPU sharp's threads use.
      memorySize: 2048,
      timeout: Duration.minutes(1),
      retryAttempts: 2,
      onFailure: new SqsDestination(props.failures),
    });
    this.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${UPLOAD_PREFIX}*`)] }));
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: VARIANT_WIDTHS.map((width) => bucket.arnForObjects(`${UPLOAD_PREFIX}*-${width}.webp`)) }),
    );

    this.rule = new Rule(this, 'Uploaded', {
      description: 'SCO Bazaar: a photo uploaded to the images bucket gets its WebP variants',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [bucket.bucketName] }, object: { key: Match.prefix(UPLOAD_PREFIX) } },
      },
      targets: [new LambdaFunction(this.function, { deadLetterQueue: props.failures, retryAttempts: 4, maxEventAge: Duration.hours(2) })],
    });
  }
}
