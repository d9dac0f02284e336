import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLocalStack } from './stack.js';

/** `npm start`: the whole store on one port, data kept under .data/ (DATA_DIR) between runs. */
// Secrets stay out of git: real Stripe test keys, if you use them, go in .env (see README).
if (existsSync('.env')) process.loadEnvFile('.env');

const port = Number(process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}

const stack = await startLocalStack({
  port,
  host: process.env.HOST,
  dataDir: resolve(process.env.DATA_DIR ?? '.data'),
  siteDir: resolve(process.env.SITE_DIR ?? 'site/dist'),
  ...(process.env.RATES_FILE ? { ratesFile: process.env.RATES_FILE } : {}),
  log: (message) => console.log(message),
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

console.log(`\nSCO Bazaar is open at ${stack.url}  (Ctrl-C stops it)`);
console.log(`Mail it sends (kept here, never sent): ${stack.outboxUrl}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    stack.stop().finally(() => process.exit(0));
  });
}
