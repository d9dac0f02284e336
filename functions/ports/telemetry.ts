/** Business events the operators watch (CloudWatch metrics in AWS, alarms on the bad ones). */
export const BUSINESS_METRICS = [
  'OrdersPaid',
  'CheckoutRefused',
  'CheckoutPaymentProviderFailed',
  'WebhookRejected',
  'ReservationsReleased',
  /** A checkout refused because the exchange rates are past their freshness (alarmed on). */
  'CheckoutRatesStale',
  /** A successful refresh of the exchange rates (the schedule's runs; missing for 36 h raises an alarm). */
  'RatesRefreshed',
  /** Refunds the provider confirmed, and those that failed (each one an operator must resolve). */
  'RefundsSucceeded',
  'RefundsFailed',
  /** An order the sweep could not handle (the others in its run go on; alarmed on). */
  'SweepOrderFailed',
  /** Mail the mail service accepted; mail given up (a refused address, the service down for good: alarmed on); bounces and complaints SES reports. */
  'MailSent',
  'MailFailed',
  'MailBounced',
  'MailComplained',
] as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[number];

/** Log fields are plain values; personal data (emails, addresses, ID numbers) never belongs in them. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined | readonly string[]>>;

export interface Telemetry {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** With `cause`, its stack frames are logged too (mapped to the sources in a bundle); never its message, which the caller puts in `fields` if it may. */
  error(message: string, fields?: LogFields, cause?: unknown): void;
  count(metric: BusinessMetric, value?: number): void;
}

/** Field names that would carry personal data: dropped by every adapter, whatever a caller passes. */
export const PERSONAL_FIELDS =
  /^(e-?mail|address|phone|mobile|name|fullName|realName|buyerName|idNumber|id_number|idNumberSealed|passport|token|recipient|buyer|shipTo|postcode|street)$/i;

export function withoutPersonalData(fields: LogFields = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([key, value]) => value !== undefined && !PERSONAL_FIELDS.test(key)));
}

/** For free text from elsewhere (a payment provider's error message may quote the address it refused). */
export function maskEmails(text: string): string {
  return text.replace(/[^\s@'"]+@[^\s@'"]+/g, '[email]');
}
