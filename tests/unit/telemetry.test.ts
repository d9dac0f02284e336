import { afterEach, describe, expect, it, vi } from 'vitest';
import { powertoolsTelemetry } from '../../functions/adapters/observability/powertools-telemetry.js';

function captureStdout() {
  const lines: string[] = [];
  const record = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  // Powertools writes warnings and errors to stderr, the rest to stdout.
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(record), vi.spyOn(process.stderr, 'write').mockImplementation(record)];
  return { lines: () => lines.map((line) => JSON.parse(line) as Record<string, any>), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

afterEach(() => vi.restoreAllMocks());

describe('telemetry through Powertools', () => {
  it('logs structured JSON and never the personal fields a caller passes by mistake', () => {
    const out = captureStdout();
    powertoolsTelemetry({ serviceName: 'shop' }).warn('checkout refused', { orderId: 'ORD-1', email: 'buyer@example.cn', address: 'Qingdao', reason: 'short' });
    out.restore();
    const [entry] = out.lines();
    expect(entry).toMatchObject({ level: 'WARN', message: 'checkout refused', service: 'shop', orderId: 'ORD-1', reason: 'short' });
    expect(JSON.stringify(entry)).not.toContain('buyer@example.cn');
    expect(JSON.stringify(entry)).not.toContain('Qingdao');
  });

  it('counts business events as CloudWatch embedded metrics in our namespace', () => {
    const out = captureStdout();
    powertoolsTelemetry({ serviceName: 'webhooks', namespace: 'ScoBazaarTest' }).count('WebhookRejected');
    out.restore();
    const emf = out.lines().find((line) => line._aws);
    expect(emf?._aws.CloudWatchMetrics[0].Namespace).toBe('ScoBazaarTest');
    expect(emf?._aws.CloudWatchMetrics[0].Metrics).toEqual([{ Name: 'WebhookRejected', Unit: 'Count' }]);
    expect(emf?.WebhookRejected).toBe(1);
    expect(emf?.service).toBe('webhooks');
  });
});
