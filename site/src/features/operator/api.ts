import type { z } from '@hono/zod-openapi';
import type { OperatorSessionConfigSchema } from '../../../../functions/http/schemas/operator.js';
import type { CustomsDocument } from '../../../../functions/usecases/customs-document.js';
import { csvFileName } from './download.js';
import { refusalOf, type Refusal } from './refusal.js';
import { currentToken, forgetToken } from './session.js';

export type { CustomsDocument };

/** Where an operator signs in, and out of the identity provider too (Cognito's /logout) where there is one. */
export type SessionConfig = z.infer<typeof OperatorSessionConfigSchema>;

/** Public, token-free settings of the operator's sign-in (functions/http/operator-session.ts). */
export async function sessionConfig(): Promise<SessionConfig> {
  const response = await fetch('/api/operator/session-config');
  if (!response.ok) return { signInUrl: '/auth/sign-in' };
  return (await response.json()) as SessionConfig;
}

/** Who the token belongs to, if an operator; asked right after sign-in. */
export async function whoAmI(): Promise<{ readonly kind: 'ok' } | Refusal> {
  const response = await operatorFetch('/me', 'application/json');
  if (!response) return { kind: 'signed-out' };
  return response.ok ? { kind: 'ok' } : refusalOf(response.status, await problemOf(response));
}

export async function customsDocument(orderId: string): Promise<{ readonly kind: 'ok'; readonly document: CustomsDocument } | Refusal> {
  const response = await operatorFetch(customsPath(orderId), 'application/json');
  if (!response) return { kind: 'signed-out' };
  if (!response.ok) return refusalOf(response.status, await problemOf(response));
  return { kind: 'ok', document: (await response.json()) as CustomsDocument };
}

export async function customsCsv(orderId: string): Promise<{ readonly kind: 'ok'; readonly blob: Blob; readonly fileName: string } | Refusal> {
  const response = await operatorFetch(`${customsPath(orderId)}?format=csv`, 'text/csv');
  if (!response) return { kind: 'signed-out' };
  if (!response.ok) return refusalOf(response.status, await problemOf(response));
  return { kind: 'ok', blob: await response.blob(), fileName: csvFileName(response.headers.get('content-disposition'), orderId) };
}

const customsPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}/customs`;

/** Calls /api/operator/… with the operator's bearer token; null when there is no token to send. */
async function operatorFetch(path: string, accept: string): Promise<Response | null> {
  const token = currentToken();
  if (!token) return null;
  // The answers are no-store on the server; the browser is asked not to keep them either.
  const response = await fetch(`/api/operator${path}`, { headers: { accept, authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (response.status === 401) forgetToken();
  return response;
}

async function problemOf(response: Response): Promise<unknown> {
  return response.json().catch(() => ({}));
}
