import { Stack } from 'aws-cdk-lib';
import { NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { AppFunction } from './constructs/app-function.js';
import type { EdgeStack } from './stacks/edge-stack.js';
import type { StatefulStack } from './stacks/stateful-stack.js';
import type { StatelessStack } from './stacks/stateless-stack.js';

export interface NagTargets {
  readonly edge: EdgeStack;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** With a custom domain the distribution enforces TLSv1.2_2021 itself. */
  readonly customDomain: boolean;
}

/**
 * Every cdk-nag (AwsSolutions) suppression of the project, each with the reason a reviewer can
 * check. Anything not listed here fails `cdk synth` and tests/infra/cdk-nag.test.ts.
 */
export function suppressKnownFindings({ edge, stateful, stateless, customDomain }: NagTargets): void {
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

  NagSuppressions.addResourceSuppressions(stateful.originVerifySecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason: 'CloudFormation copies the value into the distribution and the API functions at deploy; a rotation Lambda would change the secret alone and lock CloudFront out. Rotate by changing it and redeploying the stateless stack (README).',
    },
  ]);

  NagSuppressions.addStackSuppressions(stateless, [
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

  // Scheduler's roles are made by CDK at the stack's root, one per target (SchedulerRoleForTarget-<hash>).
  for (const role of schedulerRoles(stateless)) {
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Scheduler may invoke any version of its target function, the sweep, the rates refresh or the mail sender (CDK grants <function>:*); it is still the one function.',
          appliesTo: [{ regex: '/^Resource::<(ExpirySweepFunction|RatesRefreshFunction|MailFunction).*\\.Arn>:\\*$/' }],
        },
      ],
      true,
    );
  }

  const pavilionApp = stateless.functions.functions.get('pavilion');
  if (pavilionApp) {
    NagSuppressions.addResourceSuppressions(
      pavilionApp,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'The pavilion app presigns uploads of product photos, each under a fresh key media/products/<product id>/<uuid>.<ext> (functions/adapters/images/image-keys.ts): nothing else in the bucket.',
          appliesTo: [{ regex: '/^Resource::.*ImagesBucket[0-9A-F]{8}.*\\/media\\/products\\/\\*$/' }],
        },
      ],
      true,
    );
  }

  // Our own functions, each by its construct: Node.js 22 is the project's runtime (infra/constructs/app-function.ts
  // bundles for node22); moving to a newer one is a change of its own, tested like any other.
  for (const fn of stateless.node.findAll().filter((c): c is AppFunction => c instanceof AppFunction)) {
    NagSuppressions.addResourceSuppressions(fn, [
      { id: 'AwsSolutions-L1', reason: 'Node.js 22 (LTS) on ARM64 is the project\'s runtime, the one the functions are bundled and tested for (infra/constructs/app-function.ts).' },
    ]);
  }

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

  // CDK's own functions, found by their fixed ids at each stack's root: never a function of ours.
  for (const stack of [edge, stateful, stateless]) {
    for (const { handler, what } of cdkProvidedHandlers(stack)) {
      NagSuppressions.addResourceSuppressions(
        handler,
        [
          { id: 'AwsSolutions-L1', reason: `CDK's ${what} chooses its own runtime; CDK updates it, not this project.` },
          { id: 'AwsSolutions-IAM5', reason: `CDK's ${what}: the grants CDK writes for it (${CDK_HANDLER_GRANTS[what]}).` },
        ],
        true,
      );
    }
  }
}

/** What each of CDK's own functions is granted, in the words a reviewer checks against the template. */
const CDK_HANDLER_GRANTS = {
  'BucketDeployment handler': 'reads the CDK asset bucket, replaces the site bucket\'s objects and invalidates the distribution; CreateInvalidation takes "*"',
  'AwsCustomResource handler': 'only the SDK calls each custom resource names, here codebuild:StartBuild and lambda:InvokeFunction on our own project and function',
  'log retention handler': 'sets the retention of log groups it is asked to; logs:PutRetentionPolicy/DeleteRetentionPolicy on "*"',
  'custom resource provider': 'cross-region references and other CDK plumbing, on CDK\'s own SSM parameters (/cdk/exports/*)',
} as const;

/** CDK's singleton handlers by the construct ids CDK gives them (aws-s3-deployment, custom-resources, aws-logs, core). */
function cdkProvidedHandlers(stack: Stack): { handler: IConstruct; what: keyof typeof CDK_HANDLER_GRANTS }[] {
  const kind = (id: string): keyof typeof CDK_HANDLER_GRANTS | null => {
    if (id.startsWith('Custom::CDKBucketDeployment')) return 'BucketDeployment handler';
    if (id === 'AWS679f53fac002430cb0da5b7982bd2287') return 'AwsCustomResource handler';
    if (/^LogRetention[0-9a-f]{32}$/.test(id)) return 'log retention handler';
    if (/^Custom::\w+CustomResourceProvider$/.test(id)) return 'custom resource provider';
    return null;
  };
  return stack.node.children.flatMap((child) => {
    const what = kind(child.node.id);
    return what ? [{ handler: child, what }] : [];
  });
}

/** The roles CDK makes for Scheduler's targets, one per target function, at the stack's root. */
function schedulerRoles(stack: Stack): IConstruct[] {
  return stack.node.children.filter((child) => child.node.id.startsWith('SchedulerRoleForTarget-'));
}
