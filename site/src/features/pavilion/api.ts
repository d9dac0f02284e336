import type { FieldError } from '../../../../functions/http/problem.js';
import type { SessionConfig } from './api-types.js';
import { currentToken, forgetToken } from './session.js';

export type { FieldError };

/** An application/problem+json answer (RFC 9457), as the API gives every error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly FieldError[],
    readonly body: Record<string, unknown>,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** Raised when there is no valid token any more; the layout shows the sign-in panel. */
export class SignedOut extends Error {
  constructor(readonly reason: 'none' | 'expired' | 'forbidden') {
    super(`signed out (${reason})`);
  }
}

export interface CallOptions {
  readonly method?: string;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
}

/** Calls /api/pavilion/… with the manager's bearer token and returns the JSON answer. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const token = currentToken();
  if (!token) throw new SignedOut('none');
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}`, ...options.headers };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/pavilion${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  if (response.status === 401) {
    forgetToken();
    throw new SignedOut('expired');
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 403 && String(body.title ?? '').includes('manages no pavilion')) throw new SignedOut('forbidden');
  if (!response.ok) {
    throw new ApiError(
      response.status,
      String(body.title ?? response.statusText),
      typeof body.detail === 'string' ? body.detail : undefined,
      Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
      body,
    );
  }
  return body as T;
}

/** Public, token-free settings of the sign-in. */
export async function sessionConfig(): Promise<SessionConfig> {
  const response = await fetch('/api/pavilion/session-config');
  if (!response.ok) return { signInUrl: '/auth/sign-in' };
  return (await response.json()) as SessionConfig;
}
