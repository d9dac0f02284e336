import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

/**
 * `npm run bench` starts and writes its file: the quick run (BENCH_QUICK=1: the seed catalogue,
 * 2-second autocannon cases, 3 init pairs, the site at 100 products, one Lighthouse run) into a temp
 * folder, and every section of BENCHMARKS.md comes out with numbers in it. The full run is by hand.
 */
const out = mkdtempSync(join(tmpdir(), 'sco-bench-quick-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runQuickBench(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts'], {
      env: { ...process.env, BENCH_QUICK: '1', BENCH_OUT: file, BENCH_PRODUCTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** The section under a `## ` heading that starts with `title`, up to the next one. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Table rows (not the header or its rule) of a section. */
const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---')).slice(1);

it('BENCH_QUICK=1 npm run bench writes BENCHMARKS.md with every section measured', { timeout: 300_000 }, async () => {
  const file = join(out, 'BENCHMARKS.md');
  const { code, output } = await runQuickBench(file);
  expect(code, output.slice(-3000)).toBe(0);
  const markdown = readFileSync(file, 'utf8');

  expect(markdown).toMatch(/\*\*Machine:\*\* \d+ × .+, \d+ GB RAM, .+, Node v\d+/);
  expect(markdown).toMatch(/\*\*Date:\*\* \d{4}-\d\d-\d\dT/);
  expect(markdown).toMatch(/\*\*Commit:\*\* \S+/);
  expect(markdown).toMatch(/\*\*Rerun:\*\* `BENCH_QUICK=1 npm run bench`/);
  expect(markdown).toMatch(/\*\*Load average \(1 min\):\*\* \d+\.\d at the start, \d+\.\d at the end/);
  expect(markdown).not.toContain('Not measured');

  const lambda = rows(section(markdown, 'Lambda'));
  expect(lambda.map((row) => row.split(' | ')[0])).toEqual(expect.arrayContaining(['| catalogue', '| shop', '| webhooks']));
  for (const row of lambda) expect(row).toMatch(/\d+\.\d KB \| \d+\.\d KB \| \d+\.\d\d× \| \d+\.\d\d× \| [\d.]+ ms \| [\d.]+ ms \| \d+\.\d\d×/);

  const api = rows(section(markdown, 'API'));
  expect(api.map((row) => row.split(' | ')[0])).toEqual(['| GET product', expect.stringMatching(/^\| filtered listing/), '| cart line PUT', '| checkout']);
  // Every case measured on both sides, no request refused: a ratio of failures would mean nothing.
  for (const row of api) expect(row).toMatch(/\| [\d.]+ \| [\d.]+ \| \d+\.\d\d× \| [\d.]+ ms \| [\d.]+ ms \| \d+\.\d\d× \| .* \| [1-9]\d* \/ [1-9]\d* \| 0 \/ 0 \|$/);

  const site = section(markdown, 'Site');
  expect(site).toMatch(/\| astro build \| \d+\.\d s \|/);
  expect(site).toMatch(/\| pages built \(HTML, three languages\) \| [\d,]+ \|/);
  expect(site).toMatch(/\| search index on disk \| \d+\.\d MB/);
  for (const type of ['home', 'pavilion', 'category', 'product', 'search', 'cart']) expect(site).toMatch(new RegExp(`\\| ${type} \\| \`/zh/[^|]*\` \\| \\d+\\.\\d KB \\|`));

  const lighthouse = rows(section(markdown, 'Lighthouse'));
  expect(lighthouse.length).toBeGreaterThan(0);
  for (const row of lighthouse) expect(row).toMatch(/\| \d+ \| \d+ \| \d+\.\d{3} \| [\d.]+ ms \|$/);

  const capacity = rows(section(markdown, 'DynamoDB'));
  expect(capacity.map((row) => row.split(' | ')[0])).toEqual(['| GET product', expect.stringMatching(/^\| listing/), expect.stringMatching(/^\| filtered listing/), '| cart line PUT', '| checkout']);
  for (const row of capacity) expect(row).toMatch(/\| 20[01] \| \d+ \| .+ \| [\d.]+ \| [\d.]+ \| (yes|no) \|$/);
});
