import { z } from '@hono/zod-openapi';
import { PavilionCodeSchema } from './catalogue.js';

/** The workspace's sign-in: where a manager signs in and out, and who the token says they are. */
export const SessionConfigSchema = z
  .object({
    signInUrl: z.string().openapi({ description: 'Where a manager signs in; it comes back to /pavilion/?code=…&state=… (the page adds its own state, nonce and PKCE challenge, and exchanges the code at the token endpoint beside this URL)' }),
    signOutUrl: z.string().optional(),
  })
  .openapi('PavilionSessionConfig');

export const ManagerSchema = z.object({ subject: z.string(), pavilion: PavilionCodeSchema }).openapi('Manager');
