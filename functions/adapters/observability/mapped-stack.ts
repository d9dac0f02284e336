import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A bundled function's stack frames in terms of its sources: `at CH (file:///var/task/index.mjs:40:59268)`
 * becomes `at CH (/functions/http/catalogue-app.ts:105:13)`, read from the source map esbuild writes beside
 * the bundle (infra/constructs/bundling.ts). Done only when an error is logged, so no request pays for it:
 * Node's --enable-source-maps would load the map at start and map every stack anyone builds (the numbers
 * are in docs/ARCHITECTURE.md, "Source maps"). A frame without a map (tests, the local server running the
 * .ts files) is left as it is.
 *
 * Returns the frames only, without the first line: that line is the error's message, which the caller
 * logs (or not) on its own terms, since a message may quote personal data.
 */
export function mappedStackFrames(error: unknown): string | undefined {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.map(mapFrame).join('\n');
}

// `at name (location)` or `at location`, where location is `path-or-file-url:line:column`.
const FRAME = /^(\s+at (?:.*? \()?)((?:file:\/\/)?\/[^():]+):(\d+):(\d+)(\)?)$/;

function mapFrame(frame: string): string {
  const match = FRAME.exec(frame);
  if (!match) return frame;
  const [, head, location, line, column, tail] = match as unknown as [string, string, string, string, string, string];
  const file = location.startsWith('file://') ? fileURLToPath(location) : location;
  const map = sourceMapOf(file);
  if (!map) return frame;
  const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return frame;
  const source = resolve(dirname(file), entry.originalSource);
  return `${head}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${tail}`;
}

/** Each bundle's map is read once per container, and only if an error is logged. */
const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!/\.m?js$/.test(file)) return null;
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}
