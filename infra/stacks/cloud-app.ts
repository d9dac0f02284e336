import { App, Aspects, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { suppressKnownFindings } from '../nag-suppressions.js';
import type { EntryResolver } from '../constructs/paths.js';
import type { CustomDomain } from '../constructs/static-site.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface CloudAppOptions {
  /** The built site folder. */
  readonly siteDist: string;
  readonly customDomain?: CustomDomain;
  readonly alarmEmail?: string;
  /** Where the store's mail comes from; `orders@<domainName>` with a custom domain, else a placeholder to replace (README, Mail). */
  readonly mailFrom?: string;
  readonly env?: Environment;
  /** Run the cdk-nag AwsSolutions checks (errors fail the synth). */
  readonly nag?: boolean;
  readonly resolveEntry?: EntryResolver;
  /** Tests skip bundling with context {'aws:cdk:bundling-stacks': []}. */
  readonly app?: App;
}

const CROSS_STACK_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

/** The two stacks of SCO Bazaar, wired together: used by infra/app.ts and by the infra tests. */
export function createCloudApp(options: CloudAppOptions) {
  const app = options.app ?? new App();
  // Explicitly strong: the stateful stack refuses to drop an export the stateless stack still uses.
  if (app.node.tryGetContext(CROSS_STACK_REFERENCES) === undefined) app.node.setContext(CROSS_STACK_REFERENCES, 'strong');
  const env = options.env ?? {};
  const stateful = new StatefulStack(app, 'ScoBazaarStateful', {
    env,
    description: 'SCO Bazaar: table, buckets, personal-data key, identity key and hash secret, manager and operator accounts, Stripe keys (retained)',
    ...(options.customDomain ? { siteOrigins: [`https://${options.customDomain.domainName}`] } : {}),
  });
  const stateless = new StatelessStack(app, 'ScoBazaarStateless', {
    env,
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
    suppressKnownFindings({ stateful, stateless, customDomain: Boolean(options.customDomain) });
  }
  return { app, stateful, stateless };
}
