import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookSender, type DeliveryRecord } from './deliveries.js';
import { parseStripeForm } from './form.js';
import { checkoutPage, messagePage } from './pages.js';
import { buildRefund, newCharge, settleLocalRefund, type LocalPayment, type LocalRefund } from './refunds.js';
import { buildSession, newId, StripeRequestError, type LocalLineItem, type LocalSession } from './sessions.js';

export interface LocalStripeOptions {
  /** Defaults to a free port on 127.0.0.1. */
  readonly port?: number;
  /** Where events go, e.g. http://127.0.0.1:4321/api/webhooks/stripe (a function when the app's port is known only later). */
  readonly webhookUrl: string | (() => string);
  /** whsec_...: the same secret the app verifies with (STRIPE_WEBHOOK_SECRET). */
  readonly webhookSecret: string;
  /** Origin the shopper's browser reaches this server at (session URLs); defaults to http://127.0.0.1:<port>. */
  readonly publicUrl?: string;
  /** Delays between webhook retries after a failed delivery. */
  readonly retryDelaysMs?: readonly number[];
  /** How often open sessions are checked against expires_at. */
  readonly expiryCheckMs?: number;
  /** The server's idea of now in ms (tests move it to see sessions expire); defaults to Date.now. */
  readonly now?: () => number;
}

export interface StoredSession {
  readonly session: LocalSession;
  readonly lines: readonly LocalLineItem[];
}

export interface LocalStripe {
  /** The API base for STRIPE_API_BASE (and the host of the hosted pages unless publicUrl is set). */
  readonly url: string;
  stop(): Promise<void>;
  /** Every session created, oldest first (what the SDK actually sent: lines, amounts, currency). */
  sessions(): readonly StoredSession[];
  /** Every event sent, with its delivery attempts. */
  readonly deliveries: readonly DeliveryRecord[];
  /** Delivers a sent event once more, as Stripe does on a retry; returns the endpoint's status. */
  resend(eventId: string): Promise<number>;
  /** Does what the Pay button does (completes the session, sends checkout.session.completed). */
  pay(sessionId: string): Promise<DeliveryRecord>;
  /** The next `count` session creations fail with a 500 api_error, as when Stripe has an outage. */
  failSessionCreation(count?: number): void;
  /** The next session creation is refused with a 400 invalid_request_error saying `message`, as when Stripe will not take a parameter. */
  refuseSessionCreation(message: string, param?: string): void;
  /** Every refund created, oldest first. */
  refunds(): readonly LocalRefund[];
  /** The next `count` refunds created end failed (refund.updated with status failed), as when the card was closed. */
  failNextRefunds(count?: number): void;
  /** The next `count` refund creations fail with a 500 api_error (nothing is refunded), as when Stripe has an outage. */
  failRefundCreation(count?: number): void;
  /** While held, new refunds stay pending until settleRefund; otherwise they settle right after the answer. */
  holdRefunds(held: boolean): void;
  /** Brings a pending refund to its outcome and sends its events (charge.refunded and refund.updated, or refund.updated alone when it fails). */
  settleRefund(refundId: string, outcome?: 'succeeded' | 'failed'): Promise<readonly DeliveryRecord[]>;
}

/**
 * A Stripe-compatible server for what this project uses: Checkout Sessions (create with
 * Idempotency-Key, retrieve, expire), a hosted page to pay or cancel, expiry at expires_at, refunds
 * of paid sessions (create with Idempotency-Key, retrieve; pending, then succeeded or failed), and
 * signed webhook deliveries with retries. The real stripe SDK talks to it (STRIPE_API_BASE).
 */
export async function startLocalStripe(options: LocalStripeOptions): Promise<LocalStripe> {
  const stored = new Map<string, { session: LocalSession; lines: LocalLineItem[] }>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const sender = new WebhookSender(options.webhookUrl, options.webhookSecret, options.retryDelaysMs ?? [500, 1000, 2000, 4000, 8000]);
  let failuresToInject = 0;
  let refusalToInject: { message: string; param?: string } | null = null;
  const payments = new Map<string, LocalPayment>();
  const refunds = new Map<string, { refund: LocalRefund; payment: LocalPayment }>();
  let refundFailuresToInject = 0;
  let refundOutagesToInject = 0;
  let refundsHeld = false;
  /** The outcome each refund was given when created (failNextRefunds), for settleRefund without one. */
  const heldOutcomes = new Map<string, 'succeeded' | 'failed'>();
  let baseUrl = '';
  const nowMs = options.now ?? Date.now;

  const complete = async (entry: { session: LocalSession }, method: string) => {
    entry.session.status = 'complete';
    entry.session.payment_status = 'paid';
    entry.session.payment_intent = newId('pi');
    payments.set(
      entry.session.payment_intent,
      { charge: newCharge(entry.session.payment_intent, entry.session.amount_total, entry.session.currency, entry.session.metadata, Math.floor(nowMs() / 1000)), held: 0 },
    );
    entry.session.url = null;
    entry.session.customer_details = { email: entry.session.customer_email };
    entry.session.payment_method_types = [method, ...entry.session.payment_method_types.filter((other) => other !== method)];
    return sender.send('checkout.session.completed', entry.session);
  };

  const expire = async (entry: { session: LocalSession }) => {
    entry.session.status = 'expired';
    entry.session.url = null;
    return sender.send('checkout.session.expired', entry.session);
  };

  /** A refund reaches its outcome: the charge's event (when it went through) and the refund's own. */
  const settle = async (entry: { refund: LocalRefund; payment: LocalPayment }, outcome: 'succeeded' | 'failed') => {
    if (entry.refund.status !== 'pending') throw new Error(`Refund ${entry.refund.id} is ${entry.refund.status}, not pending`);
    settleLocalRefund(entry.refund, entry.payment, outcome);
    const sent: DeliveryRecord[] = [];
    if (outcome === 'succeeded') sent.push(await sender.send('charge.refunded', entry.payment.charge));
    sent.push(await sender.send('refund.updated', entry.refund));
    return sent;
  };

  /** Stripe keeps an Idempotency-Key's first answer and replays it; the same key with other parameters is refused. */
  const idempotent = async (request: IncomingMessage, body: string, create: () => Promise<unknown> | unknown) => {
    const key = request.headers['idempotency-key'];
    const fingerprint = createHash('sha256').update(`${request.url ?? ''}\n${body}`).digest('hex');
    if (typeof key === 'string') {
      const previous = idempotency.get(key);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new StripeRequestError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
        }
        return { status: previous.status, body: previous.body, headers: { 'idempotent-replayed': 'true' } };
      }
    }
    const answer = structuredClone(await create());
    if (typeof key === 'string') idempotency.set(key, { fingerprint, status: 200, body: answer });
    return { status: 200, body: answer };
  };

  const api = async (request: IncomingMessage, path: string, body: string): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> => {
    const auth = request.headers.authorization ?? '';
    if (!/^Bearer (sk|rk)_test_\w+$/.test(auth)) {
      throw new StripeRequestError(401, 'authentication_error', 'Invalid API Key provided. This local Stripe takes test keys (sk_test_...).');
    }
    const now = Math.floor(nowMs() / 1000);
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      return idempotent(request, body, () => {
        if (failuresToInject > 0) {
          failuresToInject -= 1;
          throw new StripeRequestError(500, 'api_error', 'An unexpected error occurred (injected by the local Stripe).');
        }
        if (refusalToInject) {
          const { message, param } = refusalToInject;
          refusalToInject = null;
          throw new StripeRequestError(400, 'invalid_request_error', message, param);
        }
        const { session, lines } = buildSession(parseStripeForm(body), now, options.publicUrl ?? baseUrl);
        stored.set(session.id, { session, lines });
        return session;
      });
    }
    if (request.method === 'POST' && path === '/v1/refunds') {
      return idempotent(request, body, () => {
        if (refundOutagesToInject > 0) {
          refundOutagesToInject -= 1;
          throw new StripeRequestError(500, 'api_error', 'An unexpected error occurred (injected by the local Stripe).');
        }
        const entry = buildRefund(parseStripeForm(body), payments, now);
        entry.payment.held += entry.refund.amount;
        refunds.set(entry.refund.id, entry);
        const outcome = refundFailuresToInject > 0 ? 'failed' : 'succeeded';
        if (outcome === 'failed') refundFailuresToInject -= 1;
        // Like Stripe, the refund is pending in the answer and its events come after it.
        heldOutcomes.set(entry.refund.id, outcome);
        if (!refundsHeld) setTimeout(() => void settle(entry, outcome).catch(() => undefined), 0);
        return entry.refund;
      });
    }
    const refundMatch = /^\/v1\/refunds\/([A-Za-z0-9_]+)$/.exec(path);
    if (refundMatch && request.method === 'GET') {
      const entry = refunds.get(refundMatch[1]!);
      if (!entry) throw new StripeRequestError(404, 'invalid_request_error', `No such refund: '${refundMatch[1]}'`, 'id', 'resource_missing');
      return { status: 200, body: entry.refund };
    }
    const match = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)(\/expire)?$/.exec(path);
    if (match) {
      const entry = stored.get(match[1]!);
      if (!entry) throw new StripeRequestError(404, 'invalid_request_error', `No such checkout.session: '${match[1]}'`, 'session', 'resource_missing');
      if (request.method === 'GET' && !match[2]) return { status: 200, body: entry.session };
      if (request.method === 'POST' && match[2]) {
        if (entry.session.status !== 'open') {
          throw new StripeRequestError(400, 'invalid_request_error', `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${entry.session.status}".`);
        }
        // Like Stripe, the event goes out after the answer, not before it.
        void expire(entry);
        return { status: 200, body: structuredClone(entry.session) };
      }
    }
    throw new StripeRequestError(404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${path}).`);
  };

  const hosted = async (request: IncomingMessage, response: ServerResponse, path: string, body: string) => {
    const match = /^\/pay\/([A-Za-z0-9_]+)(?:\/(pay|cancel))?$/.exec(path);
    const entry = match ? stored.get(match[1]!) : undefined;
    if (!match || !entry) return html(response, 404, messagePage('Not found', 'There is no such checkout session.'));
    const { session } = entry;
    if (request.method === 'GET' && !match[2]) {
      if (session.status === 'complete') return redirect(response, successUrl(session));
      if (session.status === 'expired') return html(response, 410, messagePage('Session expired', 'This checkout session has expired. Return to the shop and check out again.'));
      return html(response, 200, checkoutPage(session, entry.lines));
    }
    if (request.method === 'POST' && match[2] === 'pay') {
      if (session.status === 'complete') return redirect(response, successUrl(session));
      if (session.status === 'expired') return html(response, 410, messagePage('Session expired', 'This checkout session has expired and can no longer be paid.'));
      const method = new URLSearchParams(body).get('payment_method') ?? session.payment_method_types[0] ?? 'card';
      // Like Stripe, the redirect does not wait for the shop; the first delivery attempt is made before it, for calmer tests.
      await complete(entry, session.payment_method_types.includes(method) ? method : 'card');
      return redirect(response, successUrl(session));
    }
    if (request.method === 'POST' && match[2] === 'cancel') {
      // Cancelling only leaves the page: the session stays open until it expires.
      return redirect(response, session.cancel_url ?? successUrl(session));
    }
    return html(response, 405, messagePage('Method not allowed', `${request.method} ${path}`));
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      // Answered, not thrown: a rejection here would have nobody to catch it in the API's process.
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        return json(response, 413, { error: { type: 'invalid_request_error', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` } });
      }
      return void response.destroy();
    }
    try {
      if (url.pathname.startsWith('/v1/')) {
        const answer = await api(request, url.pathname, body);
        return json(response, answer.status, answer.body, answer.headers);
      }
      return await hosted(request, response, url.pathname, body);
    } catch (error) {
      if (error instanceof StripeRequestError) {
        return json(response, error.status, {
          error: { type: error.type, message: error.message, ...(error.param ? { param: error.param } : {}), ...(error.code ? { code: error.code } : {}) },
        });
      }
      return json(response, 500, { error: { type: 'api_error', message: (error as Error).message } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const expiryTimer = setInterval(() => {
    const now = Math.floor(nowMs() / 1000);
    for (const entry of stored.values()) {
      if (entry.session.status === 'open' && entry.session.expires_at <= now) void expire(entry);
    }
  }, options.expiryCheckMs ?? 1000);
  expiryTimer.unref();

  return {
    url: baseUrl,
    async stop() {
      clearInterval(expiryTimer);
      sender.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    sessions: () => [...stored.values()].map((entry) => ({ session: structuredClone(entry.session), lines: structuredClone(entry.lines) })),
    deliveries: sender.log,
    resend: (eventId) => sender.resend(eventId),
    async pay(sessionId) {
      const entry = stored.get(sessionId);
      if (!entry || entry.session.status !== 'open') throw new Error(`Session ${sessionId} is not open`);
      return complete(entry, entry.session.payment_method_types[0] ?? 'card');
    },
    failSessionCreation(count = 1) {
      failuresToInject = count;
    },
    refuseSessionCreation(message, param) {
      refusalToInject = { message, ...(param ? { param } : {}) };
    },
    refunds: () => [...refunds.values()].map((entry) => structuredClone(entry.refund)),
    failNextRefunds(count = 1) {
      refundFailuresToInject = count;
    },
    failRefundCreation(count = 1) {
      refundOutagesToInject = count;
    },
    holdRefunds(held) {
      refundsHeld = held;
    },
    async settleRefund(refundId, outcome) {
      const entry = refunds.get(refundId);
      if (!entry) throw new Error(`No refund ${refundId}`);
      return settle(entry, outcome ?? heldOutcomes.get(refundId) ?? 'succeeded');
    },
  };
}

function successUrl(session: LocalSession): string {
  return session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}

/** Stripe's own limit on a request body is far above anything the shop sends; this one only guards the process. */
const MAX_BODY_BYTES = 1_000_000;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      tooLarge = true;
      chunks.length = 0;
      reject(new BodyTooLarge());
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': newId('req'), ...headers });
  response.end(JSON.stringify(body));
}

function html(response: ServerResponse, status: number, page: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(page);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}
