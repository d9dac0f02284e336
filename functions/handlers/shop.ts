import { handle } from 'hono/aws-lambda';
import { createApi } from '../http/api.js';
import { wireDeps } from './wire.js';

/** Cart, checkout and the shopper's order page. */
export const handler = handle(createApi(wireDeps(), ['cart', 'checkout', 'orders']));
