import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { mappedStackFrames } from './mapped-stack.js';
import { withoutPersonalData, type BusinessMetric, type LogFields, type Telemetry } from '../../ports/telemetry.js';

export interface PowertoolsOptions {
  readonly serviceName?: string;
  readonly namespace?: string;
  /** Overrides POWERTOOLS_LOG_LEVEL (the local runner asks for WARN; in AWS the stack sets the variable). */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * Powertools for AWS Lambda: structured JSON logs, and metrics as CloudWatch Embedded Metric
 * Format lines (no API calls, so a metric costs nothing on the request path). Service name and
 * namespace come from POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE, set by the CDK stack.
 */
export function powertoolsTelemetry(options: PowertoolsOptions = {}): Telemetry {
  const serviceName = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'sco-bazaar';
  const logger = new Logger({ serviceName, ...(options.logLevel ? { logLevel: options.logLevel } : {}) });
  const metrics = new Metrics({ namespace: options.namespace ?? process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'ScoBazaar', serviceName });
  const log = (level: 'info' | 'warn' | 'error', message: string, fields?: LogFields) => logger[level](message, withoutPersonalData(fields));
  return {
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields, cause) => {
      const stack = cause === undefined ? undefined : mappedStackFrames(cause);
      log('error', message, stack ? { ...fields, stack } : fields);
    },
    count(metric: BusinessMetric, value = 1) {
      metrics.addMetric(metric, MetricUnit.Count, value);
      // Flushed at once: handlers are Hono apps, not wrapped by the Powertools middleware.
      metrics.publishStoredMetrics();
    },
  };
}

let shared: Telemetry | undefined;

/**
 * One telemetry per Lambda container (module scope outlives invocations), made on first use so a
 * module that only might log (the API's last-resort error handler) costs nothing until it does.
 * The first caller's options win.
 */
export function sharedPowertoolsTelemetry(options: PowertoolsOptions = {}): Telemetry {
  shared ??= powertoolsTelemetry(options);
  return shared;
}
