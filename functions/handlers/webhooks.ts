import { handle } from 'hono/aws-lambda';
import { createApi } from '../http/api.js';
import { wireDeps } from './wire.js';

/** Stripe's signed events; a function of its own so it can scale and alarm apart from the shop. */
export const handler = handle(createApi(wireDeps(), ['webhooks']));
