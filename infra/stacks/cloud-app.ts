import { App, Aspects, Token, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { suppressKnownFindings } from '../nag-suppressions.js';
import type { EntryResolver } from '../constructs/paths.js';
import type { CustomDomain } from '../constructs/static-site.js';
import { EDGE_REGION, EdgeStack } from './edge-stack.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface CloudAppOptions {
  /** The built site folder. */
  readonly siteDist: string;
  readonly customDomain?: CustomDomain;
  readonly alarmEmail?: string;
  /** Where the store's mail comes from; `orders@<domainName>` with a custom domain, else a placeholder to replace (README, Mail). */
  readonly mailFrom?: string;
  /** Where the shop runs. The region must be known (the web ACL's ARN crosses to it from us-east-1). */
  readonly env: Environment;
  /** Run the cdk-nag AwsSolutions checks (errors fail the synth). */
  readonly nag?: boolean;
  readonly resolveEntry?: EntryResolver;
  /** Tests skip bundling with context {'aws:cdk:bundling-stacks': []}. */
  readonly app?: App;
}

const CROSS_STACK_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

/** The stacks of SCO Bazaar, wired together: used by infra/app.ts and by the infra tests. */
export function createCloudApp(options: CloudAppOptions) {
  const app = options.app ?? new App();
  // Explicitly strong: the stateful stack refuses to drop an export the stateless stack still uses.
  if (app.node.tryGetContext(CROSS_STACK_REFERENCES) === undefined) app.node.setContext(CROSS_STACK_REFERENCES, 'strong');
  const env = options.env;
  if (!env.region || Token.isUnresolved(env.region)) {
    throw new Error('createCloudApp: the region must be known (AWS_REGION or the profile\'s): the web ACL lives in us-east-1 and its ARN crosses to that region.');
  }
  // CloudFront's web ACL lives in us-east-1 whatever the shop's region (AWS WAF's rule for scope CLOUDFRONT).
  const edge = new EdgeStack(app, 'ScoBazaarEdge', {
    env: { ...(env.account ? { account: env.account } : {}), region: EDGE_REGION },
    description: 'SCO Bazaar: the AWS WAF web ACL in front of CloudFront (us-east-1): rate limits on checkout and carts, AWS common rules',
  });
  const stateful = new StatefulStack(app, 'ScoBazaarStateful', {
    env,
    description: 'SCO Bazaar: table, buckets, personal-data key, identity key and hash secret, manager and operator accounts, Stripe keys (retained)',
    ...(options.customDomain ? { siteOrigins: [`https://${options.customDomain.domainName}`] } : {}),
  });
  const stateless = new StatelessStack(app, 'ScoBazaarStateless', {
    env,
    // The web ACL's ARN comes from us-east-1 through an SSM parameter CDK writes in this region.
    crossRegionReferences: env.region !== EDGE_REGION,
    webAclArn: edge.webAclArn,
    originVerifySecret: stateful.originVerifySecret,
    description: 'SCO Bazaar: functions, HTTP API, CloudFront, sign-in, republishing, schedules, alarms',
    table: stateful.table,
    tableKey: stateful.personalDataKey,
    siteBucket: stateful.siteBucket,
    imagesBucket: stateful.imagesBucket,
    logsBucket: stateful.logsBucket,
    stripeSecret: stateful.stripeSecret,
    identityKey: stateful.identityKey,
    identityHashSecret: stateful.identityHashSecret,
    shopperLookupSecret: stateful.shopperLookupSecret,
    managerPool: stateful.managerPool,
    siteDist: options.siteDist,
    ...(options.customDomain ? { customDomain: options.customDomain } : {}),
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
    mailFrom: options.mailFrom ?? `orders@${options.customDomain?.domainName ?? 'example.com'}`,
    ...(options.resolveEntry ? { resolveEntry: options.resolveEntry } : {}),
  });
  if (options.nag ?? true) {
    Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
    suppressKnownFindings({ edge, stateful, stateless, customDomain: Boolean(options.customDomain) });
  }
  return { app, edge, stateful, stateless };
}
