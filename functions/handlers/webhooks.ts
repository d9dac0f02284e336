import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config.js';
import { mountApi } from '../http/api-root.js';
import { createWebhookApp } from '../http/webhook-app.js';
import { wireBase } from './wire-common.js';
import { wireWebhookDeps } from './wire-shop.js';

const deps = wireWebhookDeps(wireBase(readConfig()));

/** Stripe's signed events; a function of its own so it can scale and alarm apart from the shop. */
export const handler = handle(mountApi(() => deps.telemetry, [createWebhookApp(deps)]));
