import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CatalogueSnapshot } from './catalogue-snapshot.js';
import { searchRecords } from './search-records.js';

const BATCH = 250;

/** Indexes running in this process: Pagefind's service (one child process) is closed after the last one. */
let running = 0;

/**
 * Writes the Pagefind bundle for a built site into `<siteDir>/pagefind/` (Pagefind's default path,
 * which the search page and the header's search box load from): one index per page language, made
 * from the snapshot's products (search-records.ts). Returns how many records went in.
 */
export async function writeSearchIndex(options: { snapshotPath: string; siteDir: string; signal?: AbortSignal }): Promise<{ records: number }> {
  const snapshot = JSON.parse(await readFile(options.snapshotPath, 'utf8')) as CatalogueSnapshot;
  const records = searchRecords(snapshot);
  running++;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      // A few hundred requests in flight at a time: the service answers each over its pipe.
      for (let start = 0; start < records.length; start += BATCH) {
        options.signal?.throwIfAborted();
        const batch = records.slice(start, start + BATCH);
        const added = await Promise.all(batch.map((record) => index.addCustomRecord({ ...record })));
        const refused = added.flatMap((answer, i) => answer.errors.map((error) => `${batch[i]!.url}: ${error}`));
        if (refused.length > 0) throw new Error(`Pagefind refused records: ${refused.slice(0, 5).join('; ')}`);
      }
      options.signal?.throwIfAborted();
      const written = await index.writeFiles({ outputPath: join(options.siteDir, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    } finally {
      await index.deleteIndex();
    }
  } finally {
    // The service is a child process that would keep Node running; close it once no index is being built.
    if (--running === 0) await pagefind.close();
  }
  return { records: records.length };
}
