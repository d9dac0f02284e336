/**
 * Stripe's API takes application/x-www-form-urlencoded bodies with bracketed keys, as stripe-node
 * writes them: `line_items[0][price_data][currency]=cny`, `expand[]=line_items`. This turns such a
 * body into nested objects and arrays (a level whose keys are 0..n-1 becomes an array).
 */
import { StripeRequestError } from './sessions.js';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/**
 * This server runs in the same process as the API, so a key such as `__proto__[x]` must never reach
 * an ordinary object: nodes have no prototype, and those names are refused as Stripe refuses an
 * unknown parameter.
 */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

export function parseStripeForm(body: string): Record<string, FormValue> {
  const root: Record<string, unknown> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const path = keyPath(key);
    if (path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) throw invalid(key, 'Received unknown parameter');
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const name = segment === '' ? String(Object.keys(node).length) : segment;
      if (last) {
        if (typeof node[name] === 'object') throw invalid(key, 'Invalid value: a hash was expected');
        node[name] = value;
        return;
      }
      const next = (node[name] ??= Object.create(null));
      // `a=1&a[b]=2`: a string cannot take a key; Stripe answers 400 for the mixed shape.
      if (typeof next !== 'object') throw invalid(key, 'Invalid hash');
      node = next as Record<string, unknown>;
    });
  }
  return arraysFromIndexes(root) as Record<string, FormValue>;
}

function invalid(key: string, message: string): StripeRequestError {
  return new StripeRequestError(400, 'invalid_request_error', `${message}: ${key}`, key);
}

function keyPath(key: string): string[] {
  const first = key.indexOf('[');
  if (first < 0) return [key];
  const head = key.slice(0, first);
  const rest = [...key.slice(first).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '');
  return [head, ...rest];
}

function arraysFromIndexes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, arraysFromIndexes(inner)] as const);
  const keys = entries.map(([key]) => key);
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? entries.map(([, inner]) => inner) : Object.fromEntries(entries);
}
