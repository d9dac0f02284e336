/**
 * Sends one mail. In AWS, Amazon SES (adapters/mail/ses-mailer.ts); locally, the outbox the local
 * stack keeps and shows at /outbox/ (infra/local/outbox/). Which message is sent, and that it is
 * sent once, is the outbox's business (usecases/deliver-mail.ts), not the mailer's.
 */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The order the message is about (the pavilion batch names none). */
  readonly orderId?: string;
  /** The outbox record's id (`<orderId>/<mailId>`): tags the message, so bounces can be traced to it without an address. */
  readonly reference: string;
  readonly kind: string;
}

export interface Mailer {
  /** Resolves with the service's message id once it accepted the message. */
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
}

/** The service refused this message for good (a malformed or suppressed address): trying again cannot help. */
export class MailRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`Mail rejected: ${reason}`);
    this.name = 'MailRejectedError';
  }
}
