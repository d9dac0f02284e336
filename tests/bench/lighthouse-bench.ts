import lighthouse from 'lighthouse';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { freePort } from '../../infra/local/free-port.js';
import { median, ms, table } from './report.js';
import { PAGE_TYPES } from './site-bench.js';

/**
 * Lighthouse (its default mobile preset: a mid-range phone, simulated slow 4G and CPU slowdown) on
 * pages of the seed site as the local stack serves them, in Debian's Chromium started by
 * playwright-core with a remote-debugging port for Lighthouse to drive.
 */

const LIGHTHOUSE_VERSION = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;

/** The page types issue 13 names, taken from the site bench's one page of each type (same paths, one place). */
const LIGHTHOUSE_TYPES = ['home', 'pavilion', 'product', 'cart'];
export const LIGHTHOUSE_PAGES: ReadonlyArray<{ type: string; path: string }> = PAGE_TYPES.filter((page) => LIGHTHOUSE_TYPES.includes(page.type));

export interface LighthouseRow {
  readonly type: string;
  readonly path: string;
  readonly runs: number;
  readonly performance: number;
  readonly accessibility: number;
  readonly cls: number;
  readonly lcpMs: number;
}

export async function measureLighthouse(
  baseUrl: string,
  pages: ReadonlyArray<{ type: string; path: string }>,
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseRow[]> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      `--remote-debugging-port=${port}`, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  try {
    const rows: LighthouseRow[] = [];
    for (const { type, path } of pages) {
      const samples: { performance: number; accessibility: number; cls: number; lcpMs: number }[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${baseUrl}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr?.runtimeError?.message ?? 'no result'}`);
        samples.push({
          performance: (lhr.categories.performance?.score ?? Number.NaN) * 100,
          accessibility: (lhr.categories.accessibility?.score ?? Number.NaN) * 100,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        });
      }
      const row = {
        type,
        path,
        runs,
        performance: median(samples.map((sample) => sample.performance)),
        accessibility: median(samples.map((sample) => sample.accessibility)),
        cls: median(samples.map((sample) => sample.cls)),
        lcpMs: median(samples.map((sample) => sample.lcpMs)),
      };
      log(`lighthouse ${type}: performance ${row.performance}, LCP ${ms(row.lcpMs)}`);
      rows.push(row);
    }
    return rows;
  } finally {
    await browser.close();
  }
}

export function lighthouseSection(rows: readonly LighthouseRow[]): string {
  return [
    '## Lighthouse (mobile)',
    '',
    `Lighthouse ${LIGHTHOUSE_VERSION} with its default mobile preset (emulated phone, simulated slow 4G and 4× CPU slowdown), ` +
      `performance and accessibility only, on the seed site served by the local stack; median of ${rows[0]?.runs ?? 0} run(s) per page.`,
    '',
    table(
      ['page', 'path', 'performance', 'accessibility', 'CLS', 'LCP'],
      rows.map((row) => [row.type, `\`${row.path}\``, row.performance.toFixed(0), row.accessibility.toFixed(0), row.cls.toFixed(3), ms(row.lcpMs)]),
    ),
  ].join('\n');
}
