import type { Telemetry } from '../ports/telemetry.js';

/** SES's events on EventBridge (their `detail-type`) that the mail function subscribes to (infra/constructs/mail.ts). */
export const SES_EVENT_TYPES = ['Email Bounced', 'Email Complaint Received', 'Email Rejected', 'Email Rendering Failed'] as const;

/** The part of an SES event (through EventBridge) this store reads: the type, and the tags it sent the message with. */
export interface SesEventDetail {
  readonly eventType?: string;
  readonly mail?: { readonly tags?: Readonly<Record<string, readonly string[]>> };
  readonly bounce?: { readonly bounceType?: string };
}

/**
 * Bounces and complaints. SES itself keeps the suppression list (the configuration set suppresses
 * bounced and complaining addresses: infra/constructs/mail.ts), so a bad address is not mailed again;
 * here they are counted (complaints are alarmed on) and logged by the message's outbox reference and
 * kind, never the address.
 */
export function recordMailEvent(telemetry: Telemetry, detail: SesEventDetail, detailType?: string): string {
  const type = detail.eventType ?? (detailType === 'Email Bounced' ? 'Bounce' : detailType === 'Email Complaint Received' ? 'Complaint' : (detailType ?? 'unknown'));
  const reference = detail.mail?.tags?.reference?.[0];
  const kind = detail.mail?.tags?.kind?.[0];
  if (type === 'Bounce') {
    telemetry.count('MailBounced');
    telemetry.warn('mail bounced', { reference, kind, bounceType: detail.bounce?.bounceType });
  } else if (type === 'Complaint') {
    telemetry.count('MailComplained');
    telemetry.warn('mail complaint', { reference, kind });
  } else {
    telemetry.info('mail event', { type, reference, kind });
  }
  return type;
}
