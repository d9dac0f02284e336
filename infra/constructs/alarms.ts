import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import type { BusinessMetric } from '../../functions/ports/telemetry.js';
import { METRICS_NAMESPACE } from './app-function.js';

export interface AlarmsProps {
  readonly httpApi: HttpApi;
  /** Keyed by a short name that appears in the alarm's description. */
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly table: ITable;
  readonly failures: IQueue;
  /** Gets a message when an alarm fires (confirm the subscription e-mail first). */
  readonly email?: string;
}

const PERIOD = Duration.minutes(5);

/** The alarms an operator acts on: the API failing, a function failing, the table throttling, work parked in the failures queue, Stripe's webhooks refused or its API down, exchange rates going stale. */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'SCO Bazaar alarms', enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    this.add('Api5xxRate', {
      description: 'More than 5% of API requests answered 5xx (two of three 5-minute periods)',
      metric: new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
          requests: props.httpApi.metricCount({ period: PERIOD, statistic: 'Sum' }),
        },
        period: PERIOD,
        label: 'API 5xx %',
      }),
      threshold: 5,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    for (const [name, fn] of props.functions) {
      // Hono turns a thrown error into a 500, so Errors counts crashes, timeouts and failed cold starts.
      this.add(`${name}Errors`, {
        description: `The ${name} function failed (crash, timeout or failed start)`,
        metric: fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        threshold: 0,
        evaluationPeriods: 1,
      });
    }

    this.add('TableThrottled', {
      description: 'DynamoDB throttled reads or writes on the table or an index',
      metric: throttleEvents(props.table),
      threshold: 0,
      evaluationPeriods: 1,
    });

    this.add('FailedAsyncWork', {
      description: 'A schedule run, sweep or republish batch failed after its retries: see the failures queue',
      metric: props.failures.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      threshold: 0,
      evaluationPeriods: 1,
    });

    // Business metrics the functions count through Powertools (functions/ports/telemetry.ts).
    this.addBusiness(props, 'webhooks', 'WebhookRejected', {
      description: 'Stripe webhooks refused: a bad or stale signature (signing secret rotated?) or an event not matching its order',
      threshold: 0,
    });
    this.addBusiness(props, 'shop', 'CheckoutPaymentProviderFailed', {
      description: 'More than 2 checkouts in 5 minutes failed because Stripe did not answer',
      threshold: 2,
    });
    this.addBusiness(props, 'shop', 'CheckoutRatesStale', {
      description: 'Checkout refused a shopper because the exchange rates are past their freshness (48 h): the rates refresh has failed; run it or load a rates file (README, Rates)',
      threshold: 0,
    });
    this.addBusiness(props, 'sweep', 'SweepOrderFailed', {
      description: 'The sweep could not handle an order (the rest of its run went on): its reservation stays held until it can; see the sweep log',
      threshold: 0,
    });
    this.addBusiness(props, 'mail', 'MailFailed', {
      description: 'Mail was given up (an address SES refused, or SES down for 15 minutes): see the mail log and the outbox record',
      threshold: 0,
    });
    this.addBusiness(props, 'mail', 'MailComplained', {
      description: 'A recipient marked the store\'s mail as spam: SES suppresses them; too many complaints put the SES account under review',
      threshold: 0,
    });
    this.addBusiness(props, 'webhooks', 'RefundsFailed', {
      description: 'Stripe reported a refund failed: the shopper has not got their money back; an operator retries it (console, needs attention)',
      threshold: 0,
    });
    // Before they go stale: no successful refresh for 36 h (three 12-hour periods without one; the schedule runs daily).
    if (props.functions.has('rates')) {
      this.add('RatesNotRefreshed', {
        description: 'The exchange rates have not been refreshed for 36 hours; checkout stops charging at them 48 hours after the last refresh',
        metric: new Metric({ namespace: METRICS_NAMESPACE, metricName: 'RatesRefreshed', dimensionsMap: { service: 'rates' }, period: Duration.hours(12), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      });
    }
  }

  /** Powertools publishes each metric with a `service` dimension, the counting function's service name (its key in props.functions). */
  private addBusiness(props: AlarmsProps, service: string, metricName: BusinessMetric, spec: { description: string; threshold: number }) {
    if (!props.functions.has(service)) return;
    this.add(metricName, {
      description: spec.description,
      metric: new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, period: PERIOD, statistic: 'Sum' }),
      threshold: spec.threshold,
      evaluationPeriods: 1,
    });
  }

  private add(
    id: string,
    spec: {
      description: string;
      metric: IMetric;
      threshold: number;
      evaluationPeriods: number;
      datapointsToAlarm?: number;
      /** Above the threshold, and no data is fine, unless said otherwise. */
      comparisonOperator?: ComparisonOperator;
      treatMissingData?: TreatMissingData;
    },
  ) {
    const alarm = new Alarm(this, id, {
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.evaluationPeriods,
      ...(spec.datapointsToAlarm ? { datapointsToAlarm: spec.datapointsToAlarm } : {}),
      comparisonOperator: spec.comparisonOperator ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: spec.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

/** Read and write throttle events of the table and of every index in TABLE_SCHEMA, summed. */
function throttleEvents(table: ITable): MathExpression {
  const usingMetrics: Record<string, IMetric> = {};
  const scopes = [undefined, ...TABLE_SCHEMA.globalIndexes.map((index) => index.indexName)];
  scopes.forEach((indexName, i) => {
    for (const kind of ['Read', 'Write'] as const) {
      usingMetrics[`${kind.toLowerCase()}${i}`] = new Metric({
        namespace: 'AWS/DynamoDB',
        metricName: `${kind}ThrottleEvents`,
        dimensionsMap: { TableName: table.tableName, ...(indexName ? { GlobalSecondaryIndexName: indexName } : {}) },
        period: PERIOD,
        statistic: 'Sum',
      });
    }
  });
  return new MathExpression({
    expression: Object.keys(usingMetrics).map((name) => `FILL(${name}, 0)`).join(' + '),
    usingMetrics,
    period: PERIOD,
    label: 'Throttle events',
  });
}
