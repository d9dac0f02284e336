import { describe, expect, it } from 'vitest';
import { recordMailEvent } from '../../functions/usecases/mail-events.js';
import { RecordingTelemetry } from '../support/telemetry.js';

/** SES's events as EventBridge delivers them (detail only), with the address in them: it must never be logged. */
const event = (eventType: string, extra: object = {}) => ({
  eventType,
  mail: {
    destination: ['shopper@example.com'],
    tags: { kind: ['order_confirmed'], reference: ['ORD-ABCDEFGHJKMNPQRS_confirmed'], 'ses:configuration-set': ['mail-set'] },
  },
  ...extra,
});

describe('SES bounce and complaint events', () => {
  it('read the type from the detail-type when the detail has none', () => {
    const telemetry = new RecordingTelemetry();
    const { eventType: _none, ...detail } = event('Bounce');
    expect(recordMailEvent(telemetry, detail, 'Email Bounced')).toBe('Bounce');
    expect(recordMailEvent(telemetry, detail, 'Email Complaint Received')).toBe('Complaint');
    expect(telemetry.total('MailBounced')).toBe(1);
    expect(telemetry.total('MailComplained')).toBe(1);
  });

  it('count bounces and complaints by the outbox reference, never the address', () => {
    const telemetry = new RecordingTelemetry();
    recordMailEvent(telemetry, event('Bounce', { bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'shopper@example.com' }] } }));
    recordMailEvent(telemetry, event('Complaint', { complaint: { complainedRecipients: [{ emailAddress: 'shopper@example.com' }] } }));
    recordMailEvent(telemetry, event('Reject'));
    expect(telemetry.total('MailBounced')).toBe(1);
    expect(telemetry.total('MailComplained')).toBe(1);
    expect(telemetry.logs.map((log) => [log.level, log.message, log.fields.reference])).toEqual([
      ['warn', 'mail bounced', 'ORD-ABCDEFGHJKMNPQRS_confirmed'],
      ['warn', 'mail complaint', 'ORD-ABCDEFGHJKMNPQRS_confirmed'],
      ['info', 'mail event', 'ORD-ABCDEFGHJKMNPQRS_confirmed'],
    ]);
    expect(telemetry.everythingLogged()).not.toContain('shopper@example.com');
  });
});
