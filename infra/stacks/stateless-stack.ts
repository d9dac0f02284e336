import { CfnOutput, Duration, FileSystem, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { Alarms } from '../constructs/alarms.js';
import { IMAGE_VARIANTS_ENTRY, RATES_REFRESH_ENTRY, SWEEP_ENTRY } from '../constructs/api-apps.js';
import { ApiFunctions } from '../constructs/api-functions.js';
import { ExpirySweep } from '../constructs/expiry-sweep.js';
import { ImageVariants } from '../constructs/image-variants.js';
import { Mail, MAIL_ENTRY } from '../constructs/mail.js';
import { PavilionSignIn, managedLoginOrigin } from '../constructs/pavilion-auth.js';
import { entryIfWritten, type EntryResolver } from '../constructs/paths.js';
import { PublicApi } from '../constructs/public-api.js';
import { RatesRefresh } from '../constructs/rates-refresh.js';
import { Republishing } from '../constructs/republishing.js';
import { StaticSite, type CustomDomain } from '../constructs/static-site.js';
import { WEBHOOK_PATH } from '../constructs/web-acl.js';
import { ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-guard.js';

/** Stripe's events: an own throttle on the stage, and no WAF rate rule matches the path (infra/constructs/web-acl.ts). */
export const WEBHOOK_ROUTE_KEY = `POST ${WEBHOOK_PATH}`;
/**
 * Stripe sends each event once and retries failures for three days, so a modest steady rate is plenty;
 * the burst takes a backlog Stripe replays at once after an outage.
 */
export const WEBHOOK_THROTTLE = { rateLimit: 25, burstLimit: 50 } as const;

export interface StatelessStackProps extends StackProps {
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly siteBucket: IBucket;
  readonly imagesBucket: IBucket;
  readonly logsBucket: IBucket;
  readonly stripeSecret: ISecret;
  readonly identityKey: IKey;
  readonly identityHashSecret: ISecret;
  readonly shopperLookupSecret: ISecret;
  readonly managerPool: IUserPool;
  /** The origin secret (stateful stack): CloudFront sends it, the API functions expect it. */
  readonly originVerifySecret: ISecret;
  /** The web ACL of the distribution (infra/stacks/edge-stack.ts, us-east-1). */
  readonly webAclArn: string;
  /** The built site folder (site/dist in the app, a fixture in tests). */
  readonly siteDist: string;
  readonly customDomain?: CustomDomain;
  readonly alarmEmail?: string;
  /** The address the store's mail comes from (its domain is the SES identity). */
  readonly mailFrom: string;
  /** Which Lambda entry files to bundle; defaults to those that exist. */
  readonly resolveEntry?: EntryResolver;
}

/**
 * Everything that can be deleted and deployed again without losing data: the functions, the API,
 * the distribution, sign-in, republishing, the sweep and rates schedules, the image variants and the alarms.
 */
export class StatelessStack extends Stack {
  readonly site: StaticSite;
  readonly api: PublicApi;
  readonly functions: ApiFunctions;
  readonly failures: Queue;
  readonly republishing: Republishing;
  readonly sweep?: ExpirySweep;
  readonly ratesRefresh?: RatesRefresh;
  readonly imageVariants?: ImageVariants;
  readonly mail?: Mail;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const resolveEntry = props.resolveEntry ?? entryIfWritten;

    this.api = new PublicApi(this, 'Api');
    // Resolved by CloudFormation at deploy ({{resolve:secretsmanager:…}}): the template never holds the value.
    const originVerify = props.originVerifySecret.secretValue.unsafeUnwrap();
    this.site = new StaticSite(this, 'Site', {
      webAclArn: props.webAclArn,
      apiOriginHeaders: { [ORIGIN_VERIFY_HEADER]: originVerify },
      siteBucket: props.siteBucket,
      imagesBucket: props.imagesBucket,
      logsBucket: props.logsBucket,
      apiDomainName: this.api.domainName,
      siteDist: props.siteDist,
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
      signInOrigins: [managedLoginOrigin()],
    });
    const signIn = new PavilionSignIn(this, 'PavilionSignIn', { userPool: props.managerPool, siteUrl: this.site.url });

    const environment = { TABLE_NAME: props.table.tableName, PUBLIC_BASE_URL: this.site.url, ...signIn.environment };
    this.functions = new ApiFunctions(this, 'Apps', {
      httpApi: this.api.httpApi,
      table: props.table,
      tableKey: props.tableKey,
      stripeSecret: props.stripeSecret,
      identityKey: props.identityKey,
      identityHashSecret: props.identityHashSecret,
      shopperLookupSecret: props.shopperLookupSecret,
      managerPool: props.managerPool,
      imagesBucket: props.imagesBucket,
      // Only the API functions check the origin header; nothing else is reached through CloudFront.
      environment: { ...environment, [ORIGIN_VERIFY_ENV]: originVerify },
      resolveEntry,
    });
    // Stripe's deliveries never wait behind shoppers' requests, nor shoppers behind a burst of events.
    const webhookRoute = this.functions.routes.get(WEBHOOK_ROUTE_KEY);
    if (webhookRoute) this.api.throttleApart(WEBHOOK_ROUTE_KEY, WEBHOOK_THROTTLE, webhookRoute);

    // Anything asynchronous that fails after its retries lands here (and raises an alarm).
    this.failures = new Queue(this, 'FailedAsyncWork', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const failures = this.failures;

    const monitored = new Map(this.functions.functions);
    const sweepEntry = resolveEntry(SWEEP_ENTRY);
    if (sweepEntry) {
      this.sweep = new ExpirySweep(this, 'ExpirySweep', {
        entry: sweepEntry,
        table: props.table,
        tableKey: props.tableKey,
        environment,
        stripeSecret: props.stripeSecret,
        failures,
      });
      monitored.set('sweep', this.sweep.function);
    }

    const ratesEntry = resolveEntry(RATES_REFRESH_ENTRY);
    if (ratesEntry) {
      this.ratesRefresh = new RatesRefresh(this, 'RatesRefresh', { entry: ratesEntry, table: props.table, tableKey: props.tableKey, environment, failures });
      monitored.set('rates', this.ratesRefresh.function);
    }

    const variantsEntry = resolveEntry(IMAGE_VARIANTS_ENTRY);
    if (variantsEntry) {
      this.imageVariants = new ImageVariants(this, 'ImageVariants', { entry: variantsEntry, imagesBucket: props.imagesBucket, failures });
      monitored.set('imageVariants', this.imageVariants.function);
    }

    const mailEntry = resolveEntry(MAIL_ENTRY);
    if (mailEntry) {
      this.mail = new Mail(this, 'Mail', { entry: mailEntry, table: props.table, tableKey: props.tableKey, environment, from: props.mailFrom, failures });
      monitored.set('mail', this.mail.function);
    }

    this.republishing = new Republishing(this, 'Republishing', {
      table: props.table,
      tableKey: props.tableKey,
      siteBucket: props.siteBucket,
      distribution: this.site.distribution,
      siteUrl: this.site.url,
      failures,
      siteDeployment: this.site.deployment,
      siteFingerprint: FileSystem.fingerprint(props.siteDist),
    });
    monitored.set('republish', this.republishing.trigger);

    new Alarms(this, 'Alarms', {
      httpApi: this.api.httpApi,
      functions: monitored,
      table: props.table,
      failures,
      ...(props.alarmEmail ? { email: props.alarmEmail } : {}),
    });

    new CfnOutput(this, 'SiteUrl', { value: this.site.url, description: 'The storefront' });
    new CfnOutput(this, 'ApiUrl', { value: `${this.site.url}/api/`, description: 'The API, through CloudFront' });
    new CfnOutput(this, 'ApiGatewayUrl', { value: this.api.httpApi.apiEndpoint, description: 'The HTTP API itself: answers 403 without the origin header CloudFront adds' });
    new CfnOutput(this, 'UserPoolId', { value: props.managerPool.userPoolId, description: 'Pavilion managers' });
    new CfnOutput(this, 'PavilionLoginUrl', { value: signIn.loginUrl, description: 'Managed login for pavilion managers' });
    new CfnOutput(this, 'StripeSecretArn', { value: props.stripeSecret.secretArn, description: 'Put the Stripe keys here' });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    new CfnOutput(this, 'SiteBuildProject', { value: this.republishing.project.projectName, description: 'Rebuilds the site' });
  }
}
