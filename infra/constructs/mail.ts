import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { ConfigurationSet, ConfigurationSetTlsPolicy, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { MAIL_ITEM_TYPE } from '../../functions/adapters/dynamodb/keys.js';
import { SES_EVENT_TYPES } from '../../functions/usecases/mail-events.js';
import { AppFunction } from './app-function.js';
import { grantTableAccess } from './table-access.js';

export { MAIL_ENTRY } from './api-apps.js';

export interface MailProps {
  readonly entry: string;
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly environment: Record<string, string>;
  /** The sender's address; its domain becomes the SES identity (verify it: README, "Mail"). */
  readonly from: string;
  /** Stream records, schedule runs and bounce events the function gave up on. */
  readonly failures: IQueue;
}

/**
 * Mail through Amazon SES: the sending domain's identity (Easy DKIM), a configuration set that
 * requires TLS, keeps reputation metrics and suppresses addresses that bounced or complained, and
 * one function (functions/handlers/mail.ts) fed by the table's stream (outbox records that became
 * ready: shoppers' mail within seconds), by a schedule every minute (pavilion batches, retries,
 * lapsed claims) and by SES's bounce and complaint events through EventBridge (counted and alarmed on).
 */
export class Mail extends Construct {
  readonly function: AppFunction;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly schedule: Schedule;
  readonly events: Rule;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const domain = bareAddress(props.from).split('@')[1];
    if (!domain) throw new Error(`The mail sender must be an address, got ${props.from}`);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT, EmailSendingEvent.RENDERING_FAILURE],
    });
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(domain), configurationSet: this.configurationSet });

    this.function = new AppFunction(this, 'Function', {
      service: 'mail',
      entry: props.entry,
      environment: { ...props.environment, MAIL_FROM: props.from, MAIL_CONFIGURATION_SET: this.configurationSet.configurationSetName },
      memorySize: 512,
      timeout: Duration.minutes(1),
      // Schedule runs and SES events are asynchronous: retried, then parked in the failures queue.
      retryAttempts: 2,
      onFailure: new SqsDestination(props.failures),
    });
    grantTableAccess(this.function, props.table, props.tableKey, 'readWrite');
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          this.identity.emailIdentityArn,
          Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': bareAddress(props.from) } },
      }),
    );

    // Only outbox records that became ready reach the function (a sent record's update does not).
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 3,
        bisectBatchOnError: false,
        onFailure: new SqsDlq(props.failures),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { type: { S: FilterRule.isEqual(MAIL_ITEM_TYPE) }, status: { S: FilterRule.isEqual('ready') } } },
          }),
        ],
      }),
    );
    this.schedule = new Schedule(this, 'EveryMinute', {
      description: 'SCO Bazaar: send pavilion batches and mail due again',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: new LambdaInvoke(this.function, { deadLetterQueue: props.failures, retryAttempts: 2, maxEventAge: Duration.minutes(2) }),
    });
    this.events = new Rule(this, 'BouncesAndComplaints', {
      description: 'SCO Bazaar: SES bounces and complaints of the store\'s mail',
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...SES_EVENT_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(this.function, { deadLetterQueue: props.failures, retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });
  }
}

/** `SCO Bazaar <orders@shop.example.com>` → `orders@shop.example.com` (the policy's condition compares bare addresses). */
function bareAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
