import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { $ZodError } from 'zod/v4/core';
import { InvalidCursorError } from '../ports/catalogue-store.js';
import { StoreBusyError } from '../ports/store-busy.js';
import type { Telemetry } from '../ports/telemetry.js';

/** RFC 9457 problem details: every error this API gives has this shape and media type. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export function problem(status: number, title: string, extra: Omit<Problem, 'status' | 'title'> = {}, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify({ title, status, ...extra }), {
    status,
    headers: { ...headers, 'content-type': PROBLEM_MEDIA_TYPE, 'cache-control': 'no-store' },
  });
}

export function fieldErrors(error: $ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** The validators' hook (zod-openapi's and zValidator's): any schema failure is the client's error, answered field by field. */
export function validationHook(result: { success: true } | { success: false; error: $ZodError; target: string }, _c: Context) {
  if (!result.success) {
    return problem(400, 'The request is not valid', {
      detail: `Check the ${result.target === 'json' ? 'body' : result.target}: ${result.error.issues.length} field(s) are wrong.`,
      errors: fieldErrors(result.error),
    });
  }
  return undefined;
}

/** Thrown by handlers for a client fault; onError renders it, so handlers only return success shapes. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly extra: Omit<Problem, 'status' | 'title'> = {},
    /** Headers the answer carries besides the problem's own (a 429's Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(title);
    this.name = 'ProblemError';
  }
}

/** A use case's refusal: a named outcome (`reason`) with what the answer needs to say about it. */
export interface Refusal {
  readonly reason: string;
}

/**
 * An app's one table from its use cases' refusals to answers: each refusal's status and title are
 * written once, here, and the type makes the table name every refusal. `context` carries what the
 * answer needs beyond the refusal (the shopper's language, say).
 */
export type ProblemTable<R extends Refusal, C = void> = {
  readonly [K in R['reason']]: (refusal: Extract<R, { readonly reason: K }>, context: C) => ProblemError;
};

export function problemOf<R extends Refusal, C = void>(table: ProblemTable<R, C>, refusal: R, context: C): ProblemError {
  const answer = table[refusal.reason as R['reason']] as (refusal: R, context: C) => ProblemError;
  return answer(refusal, context);
}

/**
 * An app's error handler (app.onError): its use cases' refusal error, answered from its table.
 * Anything else goes on to the API's errorHandler.
 */
export function answerRefusals<R extends Refusal>(refused: abstract new (...args: never[]) => Error & { readonly refusal: R }, table: ProblemTable<R>): ErrorHandler {
  return (error) => {
    if (!(error instanceof refused)) throw error;
    const answer = problemOf(table, error.refusal, undefined);
    return problem(answer.status, answer.title, answer.extra);
  };
}

/**
 * Last line of defence: the client learns nothing internal, and known client faults stay 4xx.
 * The telemetry is looked up only when something unexpected happened.
 */
export function errorHandler(telemetry: () => Telemetry | undefined) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ProblemError) return problem(error.status, error.title, error.extra, error.headers);
    // Every paged list (the catalogue, a pavilion's listings and its orders): a cursor made for another list, or tampered with.
    if (error instanceof InvalidCursorError) return problem(400, 'Invalid cursor', { detail: error.message, errors: [{ field: 'cursor', message: error.message }] });
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      if (status === 400 && /JSON/i.test(error.message)) return problem(400, 'The body is not valid JSON');
      return problem(status, error.message || 'Request refused');
    }
    if (error instanceof SyntaxError) return problem(400, 'The body is not valid JSON');
    // A hot item or a database outage (ports/store-busy.ts): the client may send it again in a moment.
    if (error instanceof StoreBusyError) {
      // Not a bug, but an outage or a hot item to watch: which failure (the SDK's error name, never its text).
      const cause = error.cause as { name?: string; code?: string } | undefined;
      telemetry()?.warn('store busy', { method: c.req.method, route: c.req.routePath, error: error.name, cause: cause?.code ?? cause?.name ?? null });
      return problem(503, 'Busy: please try again', { detail: error.message }, { 'Retry-After': '1' });
    }
    // The route's pattern, not the path: a cart's id in a path is the key to that cart.
    const fields = { method: c.req.method, route: c.req.routePath, error: error.name, detail: error.message };
    const log = telemetry();
    // An API wired without telemetry (a catalogue-only test) still reports its 500s.
    if (log) log.error('unhandled', fields, error);
    else console.error(JSON.stringify({ level: 'ERROR', message: 'unhandled', ...fields }));
    return problem(500, 'Something went wrong on our side', { detail: 'The error has been logged.' });
  };
}

export function notFound(c: Context): Response {
  return problem(404, 'No such resource', { detail: `${c.req.method} ${c.req.path} does not exist.` });
}
