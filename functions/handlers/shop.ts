import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config.js';
import { mountApi } from '../http/api-root.js';
import { createCartApp } from '../http/cart-app.js';
import { createCheckoutApp } from '../http/checkout-app.js';
import { createOrderApp } from '../http/order-app.js';
import { wireBase } from './wire-common.js';
import { wireShopDeps } from './wire-shop.js';

const deps = wireShopDeps(wireBase(readConfig()));

/** Cart, checkout and the shopper's order page. */
export const handler = handle(mountApi(() => deps.telemetry, [createCartApp(deps), createCheckoutApp(deps), createOrderApp(deps)]));
