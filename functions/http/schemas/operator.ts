import { z } from '@hono/zod-openapi';

export const OperatorSessionConfigSchema = z
  .object({
    signInUrl: z.string().openapi({ description: 'Where an operator signs in; it comes back to /operator/?code=…&state=… (the page adds its own state, nonce and PKCE challenge, and exchanges the code at the token endpoint beside this URL)' }),
    signOutUrl: z.string().optional().openapi({ description: 'Ends the identity provider’s session too, then returns to /operator/' }),
  })
  .openapi('OperatorSessionConfig');

export const OperatorSchema = z.object({ subject: z.string() }).openapi('Operator');
