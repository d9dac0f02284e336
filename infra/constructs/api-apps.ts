/**
 * The Hono apps of the API, each served by one Lambda behind the HTTP API.
 * The one list to touch when an app is added: its entry file, its routes and what it may do.
 * Routes are matched by API Gateway first, so a route missing here is a 404 in AWS even if the app has it.
 */
import type { TableAccess } from './table-access.js';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export interface ApiRoute {
  readonly method: RouteMethod;
  /** API Gateway syntax: `{id}` for a parameter, `{proxy+}` for the rest of the path. */
  readonly path: string;
}

export interface ApiAppSpec {
  /** Also the Powertools service name and part of the function's name. */
  readonly name: string;
  /** Relative to the repository root; exports `handler`. */
  readonly entry: string;
  readonly routes: readonly ApiRoute[];
  /** Which item actions it needs on the table (see table-access.ts): the catalogue's partitions only, or read-write, with DeleteItem only where a store deletes. */
  readonly table: TableAccess;
  /** Reads the Stripe keys from Secrets Manager. */
  readonly stripe?: boolean;
  /**
   * What it does with buyers' resident ID numbers: `seal` makes data keys with the identity KMS key
   * (kms:GenerateDataKey, never Decrypt) and reads the hash secret for the yearly count; `open`
   * unwraps data keys (kms:Decrypt, never GenerateDataKey) and reads no secret.
   */
  readonly identity?: 'seal' | 'open';
  /** Writes product images under media/ in the images bucket. */
  readonly writesImages?: boolean;
  /** Reads the shopper lookup HMAC key: files orders under their shopper's email (shop), finds them so (operator). */
  readonly shopperLookup?: boolean;
  /** Invites pavilion managers into the user pool (cognito-idp:AdminCreateUser on it only). */
  readonly invitesManagers?: boolean;
  /** Seconds; API Gateway gives up after 30. */
  readonly timeoutSeconds?: number;
}

export const API_APP_SPECS: readonly ApiAppSpec[] = [
  {
    name: 'catalogue',
    entry: 'functions/handlers/catalogue.ts',
    routes: [
      { method: 'GET', path: '/api/pavilions' },
      { method: 'GET', path: '/api/products' },
      { method: 'GET', path: '/api/products/{id}' },
      // The exchange rates in the table, read-only (the rates function on its schedule writes them).
      { method: 'GET', path: '/api/rates' },
      // GET /api/openapi.json is no route of the API: a file of the site, written at build time
      // (infra/site-build/openapi-file.ts) and served from the site bucket (static-site.ts).
    ],
    // Pavilions, products and the rates only: never an order, a cart or a ledger (dynamodb:LeadingKeys).
    table: 'catalogue',
  },
  {
    name: 'shop',
    entry: 'functions/handlers/shop.ts',
    routes: [
      { method: 'POST', path: '/api/carts' },
      { method: 'GET', path: '/api/carts/{id}' },
      { method: 'PUT', path: '/api/carts/{id}/lines/{productId}' },
      { method: 'POST', path: '/api/checkout' },
      { method: 'GET', path: '/api/orders/{id}' },
      // After the sale: the shopper cancels (refunded through Stripe) or asks to return a line.
      { method: 'POST', path: '/api/orders/{id}/cancel' },
      { method: 'POST', path: '/api/orders/{id}/lines/{lineNo}/return' },
    ],
    table: 'readWrite',
    stripe: true,
    // Checkout seals the buyer's ID number and counts the yearly limit under its keyed hash; it can never open one.
    identity: 'seal',
    // Checkout files the order under a keyed hash of the shopper's email, for the operator console.
    shopperLookup: true,
    timeoutSeconds: 20,
  },
  {
    name: 'webhooks',
    entry: 'functions/handlers/webhooks.ts',
    routes: [{ method: 'POST', path: '/api/webhooks/stripe' }],
    // A payment empties the shopper's cart: a Delete in the settling transaction.
    table: 'readWriteDelete',
    stripe: true,
    timeoutSeconds: 20,
  },
  {
    name: 'pavilion',
    entry: 'functions/handlers/pavilion.ts',
    routes: [{ method: 'ANY', path: '/api/pavilion/{proxy+}' }],
    table: 'readWrite',
    // A pavilion refunds a line it cannot ship, and a returned one once the goods are back.
    stripe: true,
    writesImages: true,
    // A CSV import part (up to 1,000 rows) is written inside the request: give it all API Gateway allows.
    timeoutSeconds: 29,
  },
  {
    // Operators only (Cognito group `operators`, checked in the app on every path): customs documents, refunds.
    name: 'operator',
    entry: 'functions/handlers/operator.ts',
    routes: [{ method: 'ANY', path: '/api/operator/{proxy+}' }],
    // Refunds write the refund, the order and an audit record of who asked.
    table: 'readWrite',
    stripe: true,
    // The customs document is the one place a buyer's ID number is opened.
    identity: 'open',
    // The console finds a shopper's orders by email, and invites pavilion managers.
    shopperLookup: true,
    invitesManagers: true,
  },
];

/** Not behind the API: invoked by the schedule every five minutes to release expired reservations. */
export const SWEEP_ENTRY = 'functions/handlers/sweep.ts';

/** Not behind the API: consumes the table's stream and starts the site build. */
export const REPUBLISH_ENTRY = 'functions/handlers/republish.ts';

/** Not behind the API: invoked by the daily schedule to refresh the exchange rates. */
export const RATES_REFRESH_ENTRY = 'functions/handlers/rates.ts';

/** Not behind the API: invoked by EventBridge when a photo lands in the images bucket, writes its WebP variants. */
export const IMAGE_VARIANTS_ENTRY = 'functions/handlers/image-variants.ts';

/** Not behind the API: the outbox's sender, fed by the table's stream, a schedule and SES's events (infra/constructs/mail.ts). */
export const MAIL_ENTRY = 'functions/handlers/mail.ts';
