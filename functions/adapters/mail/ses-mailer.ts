import { BadRequestException, MessageRejected, SendEmailCommand, SESv2Client, type SendEmailCommandInput, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { MailRejectedError, type Mailer, type MailMessage } from '../../ports/mailer.js';

export interface SesMailerOptions {
  /** The verified sender, e.g. `SCO Bazaar <orders@shop.example.com>` (infra/constructs/mail.ts makes its identity). */
  readonly from: string;
  /** The configuration set that routes bounces and complaints and keeps the suppression list (infra/constructs/mail.ts). */
  readonly configurationSet?: string;
  /** Stands in for the SDK client in tests; the real one by default. */
  readonly send?: (input: SendEmailCommandInput) => Promise<Pick<SendEmailCommandOutput, 'MessageId'>>;
  readonly region?: string;
}

/** SES tag values allow letters, digits, `_`, `-`, `.` and `@` only. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

/**
 * Amazon SES (API v2, SendEmail with a simple message: SES builds the MIME with both parts). The
 * message is tagged with its kind and outbox reference, so a bounce or complaint event names the
 * record it came from without anyone logging the address.
 */
export class SesMailer implements Mailer {
  private readonly sendInput: (input: SendEmailCommandInput) => Promise<Pick<SendEmailCommandOutput, 'MessageId'>>;

  constructor(private readonly options: SesMailerOptions) {
    if (options.send) {
      this.sendInput = options.send;
    } else {
      const client = new SESv2Client(options.region ? { region: options.region } : {});
      this.sendInput = (input) => client.send(new SendEmailCommand(input));
    }
  }

  async send(message: MailMessage): Promise<{ readonly messageId: string }> {
    const input: SendEmailCommandInput = {
      FromEmailAddress: this.options.from,
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
        },
      },
      EmailTags: [
        { Name: 'kind', Value: tagValue(message.kind) },
        { Name: 'reference', Value: tagValue(message.reference) },
      ],
      ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
    };
    try {
      const { MessageId } = await this.sendInput(input);
      if (!MessageId) throw new Error('SES answered without a message id');
      return { messageId: MessageId };
    } catch (error) {
      // A refused message or a malformed address cannot succeed on a retry; throttling, outages and a paused account can.
      if (error instanceof MessageRejected || error instanceof BadRequestException) throw new MailRejectedError(error.name);
      throw error;
    }
  }
}
