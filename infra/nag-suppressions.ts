import { Stack } from 'aws-cdk-lib';
import { NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { StatefulStack } from './stacks/stateful-stack.js';
import type { StatelessStack } from './stacks/stateless-stack.js';

export interface NagTargets {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** With a custom domain the distribution enforces TLSv1.2_2021 itself. */
  readonly customDomain: boolean;
}

/**
 * Every cdk-nag (AwsSolutions) suppression of the project, each with the reason a reviewer can
 * check. Anything not listed here fails `cdk synth` and tests/infra/cdk-nag.test.ts.
 */
export function suppressKnownFindings({ stateful, stateless, customDomain }: NagTargets): void {
  NagSuppressions.addResourceSuppressions(stateful.stripeSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason: 'Stripe API keys are rolled in the Stripe dashboard, which no rotation Lambda can do; the operator puts the new pair in this secret (README).',
    },
  ]);

  NagSuppressions.addResourceSuppressions(stateful.identityHashSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason: 'The hash key names each buyer\'s yearly count: a rotated value would give every buyer a new key and restart their count mid-year. A change needs the counts rekeyed first.',
    },
  ]);

  NagSuppressions.addResourceSuppressions(stateful.shopperLookupSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason: 'The lookup key names every order\'s shopper entry: a rotated value would lose every order filed before it from the email search. A change needs the entries rekeyed first.',
    },
  ]);

  NagSuppressions.addStackSuppressions(stateless, [
    {
      id: 'AwsSolutions-L1',
      reason: 'The project targets Node.js 22 (LTS) on ARM64 for its functions; CDK-provided handlers (BucketDeployment, AwsCustomResource) choose their own runtimes.',
    },
    {
      id: 'AwsSolutions-IAM4',
      reason: 'AWSLambdaBasicExecutionRole only allows a function to write its own CloudWatch logs.',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
  ]);

  NagSuppressions.addResourceSuppressions(
    stateless.api.httpApi,
    [
      {
        id: 'AwsSolutions-APIG4',
        reason: 'A public storefront: catalogue, carts and checkout serve anonymous shoppers, Stripe signs its webhooks (verified in the app), and /api/pavilion/* and /api/operator/* verify the Cognito token in the app (AUTH_ISSUER/AUDIENCE/JWKS_URL), operators by their group.',
      },
    ],
    true,
  );

  const distributionFindings: NagPackSuppression[] = [
    { id: 'AwsSolutions-CFR1', reason: 'Shoppers come from the whole SCO region and beyond; there is no country to block.' },
    {
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF yet: the API is throttled at its stage and validates every request; add a web ACL when traffic warrants its cost.',
    },
  ];
  if (!customDomain) {
    distributionFindings.push({
      id: 'AwsSolutions-CFR4',
      reason: 'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set; deploy with -c domainName/-c certificateArn to enforce TLSv1.2_2021.',
    });
  }
  NagSuppressions.addResourceSuppressions(stateless.site.distribution, distributionFindings, true);

  NagSuppressions.addResourceSuppressions(stateless.failures, [
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination (schedule, sweep invocations, republish stream batches).',
    },
  ]);

  NagSuppressions.addResourceSuppressions(
    stateless.republishing.project,
    [
      {
        id: 'AwsSolutions-CB4',
        reason: 'The build produces no artifacts (it syncs the public site to S3) and its logs hold no personal data; the CodeBuild-managed key suffices.',
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'CDK grants for the build: reading its source asset (s3:GetObject*/GetBucket*/List*), writing its own log streams and reports; objects of the site bucket because a publish replaces the whole site.',
        appliesTo: [
          'Action::s3:GetObject*',
          'Action::s3:GetBucket*',
          'Action::s3:List*',
          { regex: '/^Resource::arn:<AWS::Partition>:logs:.*:log-group:.*$/' },
          { regex: '/^Resource::arn:<AWS::Partition>:codebuild:.*:report-group\\/.*-\\*$/' },
          { regex: '/^Resource::.*SiteBucket[0-9A-F]{8}.*\\/\\*$/' },
        ],
      },
    ],
    true,
  );

  NagSuppressions.addResourceSuppressions(
    stateless.republishing.trigger,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'dynamodb:ListStreams has no resource-level permissions (AWS requires "*"); the stream read itself is scoped to the table\'s stream.',
        appliesTo: ['Resource::*'],
      },
    ],
    true,
  );

  NagSuppressions.addResourceSuppressions(
    stateless,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'Scheduler may invoke any version of the sweep function (CDK grants <function>:*); it is still the one function.',
        appliesTo: [{ regex: '/^Resource::<ExpirySweepFunction.*\\.Arn>:\\*$/' }],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'Scheduler may invoke any version of the rates refresh function (CDK grants <function>:*); it is still the one function.',
        appliesTo: [{ regex: '/^Resource::<RatesRefreshFunction.*\\.Arn>:\\*$/' }],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'The pavilion app uploads product images anywhere under media/ (the paths CloudFront serves at /media/*).',
        appliesTo: [{ regex: '/^Resource::.*ImagesBucket[0-9A-F]{8}.*\\/media\\/\\*$/' }],
      },
    ],
    true,
  );

  if (stateless.mail) {
    NagSuppressions.addResourceSuppressions(
      stateless.mail.function,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'dynamodb:ListStreams has no resource-level permissions (AWS requires "*"); the stream read itself is scoped to the table\'s stream.',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(
      stateless,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Scheduler may invoke any version of the mail function (CDK grants <function>:*); it is still the one function.',
          appliesTo: [{ regex: '/^Resource::<MailFunction.*\\.Arn>:\\*$/' }],
        },
      ],
      true,
    );
  }

  if (stateless.imageVariants) {
    NagSuppressions.addResourceSuppressions(
      stateless.imageVariants.function,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'The image variants function reads any upload under media/products/ (one fresh uuid name per upload) and writes only variant names (<uuid>-320/-640/-1280.webp), so it can never replace an original.',
          appliesTo: [{ regex: '/^Resource::.*ImagesBucket[0-9A-F]{8}.*\\/media\\/products\\/\\*(-(320|640|1280)\\.webp)?$/' }],
        },
      ],
      true,
    );
  }

  // CDK's own singleton handlers, found by their fixed ids.
  for (const handler of cdkProvidedHandlers(stateless)) {
    NagSuppressions.addResourceSuppressions(
      handler,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'CDK\'s BucketDeployment handler: reads the CDK asset bucket and replaces the site bucket\'s objects, and invalidates the distribution (CreateInvalidation takes "*").',
        },
      ],
      true,
    );
  }
}

function cdkProvidedHandlers(stack: Stack): IConstruct[] {
  return stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
}
