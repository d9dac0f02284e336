import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationHook } from './problem.js';

/** Every app and sub-router is made here, so every schema failure becomes the same 400 problem. */
export function createRouter<E extends Env = Env>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook as never });
}
