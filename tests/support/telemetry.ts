import type { BusinessMetric, LogFields, Telemetry } from '../../functions/ports/telemetry.js';

export interface RecordedLog {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

/**
 * Telemetry that keeps everything it is told. It records the fields exactly as callers pass them
 * (no personal-data filter), so a test proves the code never hands personal data over at all.
 */
export class RecordingTelemetry implements Telemetry {
  readonly logs: RecordedLog[] = [];
  readonly counts: Array<{ metric: BusinessMetric; value: number }> = [];

  info(message: string, fields: LogFields = {}): void {
    this.logs.push({ level: 'info', message, fields });
  }

  warn(message: string, fields: LogFields = {}): void {
    this.logs.push({ level: 'warn', message, fields });
  }

  error(message: string, fields: LogFields = {}): void {
    this.logs.push({ level: 'error', message, fields });
  }

  count(metric: BusinessMetric, value = 1): void {
    this.counts.push({ metric, value });
  }

  /** The sum of a metric's values so far. */
  total(metric: BusinessMetric): number {
    return this.counts.filter((entry) => entry.metric === metric).reduce((sum, entry) => sum + entry.value, 0);
  }

  /** Everything logged so far, as one JSON text to search. */
  everythingLogged(): string {
    return JSON.stringify(this.logs);
  }
}
