import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config.js';
import { mountApi } from '../http/api-root.js';
import { createCatalogueApp } from '../http/catalogue-app.js';
import { wireCatalogueDeps } from './wire-catalogue.js';
import { wireBase } from './wire-common.js';

const deps = wireCatalogueDeps(wireBase(readConfig()));

/** Pavilions, products and exchange rates, read-only. The OpenAPI document is a static file of the site. */
export const handler = handle(mountApi(() => deps.telemetry, [createCatalogueApp(deps)]));
