import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.js';
import { grantTableAccess } from './table-access.js';

export interface ExpirySweepProps {
  readonly entry: string;
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly environment: Record<string, string>;
  /** The sweep expires the unpaid Stripe Checkout Session before putting its stock back. */
  readonly stripeSecret: ISecret;
  /** Gets the events the schedule could not deliver and the invocations that failed after retries. */
  readonly failures: IQueue;
}

/**
 * Every five minutes, puts back the stock of checkouts whose reservation expired unpaid.
 * The table's TTL is no substitute: it deletes items up to days late and cannot restock.
 */
export class ExpirySweep extends Construct {
  readonly function: AppFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ExpirySweepProps) {
    super(scope, id);
    this.function = new AppFunction(this, 'Function', {
      service: 'sweep',
      entry: props.entry,
      environment: { ...props.environment, STRIPE_SECRET_ARN: props.stripeSecret.secretArn },
      timeout: Duration.minutes(2),
      // Scheduler invokes asynchronously: a failed run is retried, then parked in the failures queue.
      retryAttempts: 2,
      onFailure: new SqsDestination(props.failures),
    });
    // Settling a paid session empties the shopper's cart: a Delete in the settling transaction.
    grantTableAccess(this.function, props.table, props.tableKey, 'readWriteDelete');
    props.stripeSecret.grantRead(this.function);
    this.schedule = new Schedule(this, 'Every5Minutes', {
      description: 'SCO Bazaar: release expired stock reservations',
      schedule: ScheduleExpression.rate(Duration.minutes(5)),
      target: new LambdaInvoke(this.function, {
        deadLetterQueue: props.failures,
        retryAttempts: 3,
        // A sweep older than the next one is pointless.
        maxEventAge: Duration.minutes(5),
      }),
    });
  }
}
