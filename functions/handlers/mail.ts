import type { DynamoDBStreamEvent, EventBridgeEvent, ScheduledEvent } from 'aws-lambda';
import { createDynamoClients } from '../adapters/dynamodb/client.js';
import { DynamoOrderStore } from '../adapters/dynamodb/order-store.js';
import { DynamoOutboxStore } from '../adapters/dynamodb/outbox-store.js';
import { SesMailer } from '../adapters/mail/ses-mailer.js';
import { sharedPowertoolsTelemetry } from '../adapters/observability/powertools-telemetry.js';
import { readConfig } from '../config.js';
import { systemClock } from '../ports/clock.js';
import { deliverDueMail, type DeliveryTally, type MailDeps } from '../usecases/deliver-mail.js';
import { recordMailEvent, type SesEventDetail } from '../usecases/mail-events.js';
import { loggingFailures } from './log-failures.js';

const config = readConfig();
if (!config.MAIL_FROM) throw new Error('MAIL_FROM is not set: the mail function needs its sender');
const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
const telemetry = sharedPowertoolsTelemetry();
const outbox = new DynamoOutboxStore(doc, config.TABLE_NAME);
const deps: MailDeps = {
  outbox,
  contacts: outbox,
  orders: new DynamoOrderStore(doc, config.TABLE_NAME, telemetry),
  mailer: new SesMailer({ from: config.MAIL_FROM, ...(config.MAIL_CONFIGURATION_SET ? { configurationSet: config.MAIL_CONFIGURATION_SET } : {}) }),
  clock: systemClock,
  telemetry,
  publicBaseUrl: config.PUBLIC_BASE_URL,
};

type SesEvent = EventBridgeEvent<string, SesEventDetail> & { readonly source: 'aws.ses' };

/**
 * The mail function (infra/constructs/mail.ts), fed three ways: the table's stream, filtered to outbox
 * records that became ready (a shopper's mail goes out within seconds); a schedule every minute
 * (pavilion batches whose window ended, retries, lapsed claims); and SES's bounce and complaint events.
 * A stream batch needs no reading: whatever it carried, the due list has it.
 */
export const handler = loggingFailures(async function invoke(event: DynamoDBStreamEvent | ScheduledEvent | SesEvent): Promise<DeliveryTally | { recorded: string }> {
  if ('source' in event && event.source === 'aws.ses') return { recorded: recordMailEvent(telemetry, event.detail, event['detail-type']) };
  return deliverDueMail(deps);
});
