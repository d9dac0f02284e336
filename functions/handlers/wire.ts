import { readConfig, type Config } from '../config.js';
import type { ApiDeps } from '../http/api.js';
import { wireBase } from './wire-common.js';
import { operatorSignIn, wireOperatorConsoleDeps } from './wire-operator.js';
import { wirePavilionDeps } from './wire-pavilion.js';
import { wireShopDeps } from './wire-shop.js';
import { wireTokens } from './wire-tokens.js';

/**
 * Every app's adapters at once, for the local server (infra/local/stack.ts), which serves the whole API
 * from one process. Each Lambda wires only its own (wire-catalogue.ts, wire-shop.ts, wire-pavilion.ts,
 * wire-operator.ts), so its bundle carries only what it runs; this composes the same pieces.
 */
export function wireDeps(config: Config = readConfig()): ApiDeps {
  const base = wireBase(config);
  return {
    ...wireShopDeps(base),
    ...wireTokens(config),
    ...operatorSignIn(config),
    ...wireOperatorConsoleDeps(config, base.doc),
    ...wirePavilionDeps(config, base.doc),
  };
}
