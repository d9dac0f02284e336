import { Duration, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.js';
import { grantTableAccess } from './table-access.js';

export interface RatesRefreshProps {
  readonly entry: string;
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly environment: Record<string, string>;
  /** Gets the events the schedule could not deliver and the invocations that failed after retries. */
  readonly failures: IQueue;
}

/**
 * Once a day, loads the Bank of Russia's official rates (what it does not quote from the bundled
 * rates file) into the table (functions/handlers/rates.ts). It runs at 17:00 Moscow time, after the
 * Bank sets the day's rates, every day: on weekends and holidays it confirms the rates in force, which
 * keeps them fresh (functions/domain/exchange-rates.ts RATES_FRESH_FOR_HOURS). A first deploy runs it
 * at once, so the shop does not wait for 17:00 to sell.
 */
export class RatesRefresh extends Construct {
  readonly function: AppFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: RatesRefreshProps) {
    super(scope, id);
    this.function = new AppFunction(this, 'Function', {
      service: 'rates',
      entry: props.entry,
      environment: props.environment,
      memorySize: 256,
      timeout: Duration.minutes(1),
      // Scheduler invokes asynchronously: a failed run is retried, then parked in the failures queue.
      retryAttempts: 2,
      onFailure: new SqsDestination(props.failures),
    });
    grantTableAccess(this.function, props.table, props.tableKey, 'readWrite');
    this.schedule = new Schedule(this, 'Daily', {
      description: 'SCO Bazaar: refresh the exchange rates from the Bank of Russia',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '17', timeZone: TimeZone.EUROPE_MOSCOW }),
      target: new LambdaInvoke(this.function, {
        deadLetterQueue: props.failures,
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
      }),
    });

    // Asynchronous: a feed that cannot be reached fails the run (retried, parked, alarmed on), never the deploy.
    const refresh = {
      service: 'Lambda',
      action: 'invoke',
      parameters: { FunctionName: this.function.functionName, InvocationType: 'Event' },
      physicalResourceId: PhysicalResourceId.of('rates-refresh-on-first-deploy'),
    };
    new AwsCustomResource(this, 'RefreshOnFirstDeploy', {
      onCreate: refresh,
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.functionArn] })]),
      installLatestAwsSdk: false,
    });
  }
}
