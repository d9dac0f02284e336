import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Stripe Checkout is a redirect: the cart form posts to /api/checkout, which answers 303 to Stripe. */
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';

/**
 * A CloudFront response headers policy holds at most 1783 characters of CSP; a few dozen hashes
 * would not fit, and that many different inline scripts means pages inline data-dependent code.
 */
const MAX_INLINE_SCRIPTS = 12;

/**
 * The site's Content-Security-Policy. Scripts: our own files plus the exact inline scripts of the
 * built site by hash (Astro inlines its island loader and small scripts), and WebAssembly compiled
 * from our own files: search runs Pagefind's WebAssembly (the /pagefind/ bundle, in its worker or
 * on the page), which needs 'wasm-unsafe-eval' and grants no JavaScript eval. Styles: 'unsafe-inline'
 * because Astro inlines small stylesheets and style attributes, which hashes cannot cover.
 */
export function contentSecurityPolicy(inlineScriptHashes: readonly string[] = [], uploadOrigins: readonly string[] = [], signInOrigins: readonly string[] = []): string {
  const scriptSources = ["'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes.map((hash) => `'${hash}'`)];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The workspace PUTs listing images straight to the images bucket through presigned URLs; the workspace
    // and the operator console POST their sign-in code to the managed login's /oauth2/token.
    ["connect-src 'self'", ...uploadOrigins, ...signInOrigins].join(' '),
    `form-action 'self' ${STRIPE_CHECKOUT_ORIGIN}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** `sha256-…` of every distinct inline script in the HTML files under siteDir (data blocks such as JSON-LD excluded). */
export function inlineScriptHashes(siteDir: string): string[] {
  const hashes = new Set<string>();
  for (const file of htmlFiles(siteDir)) {
    for (const [, attributes = '', body = ''] of readFileSync(file, 'utf8').matchAll(SCRIPT)) {
      if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
      if (!EXECUTABLE_TYPES.has(type)) continue;
      hashes.add(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
    }
  }
  if (hashes.size > MAX_INLINE_SCRIPTS) {
    throw new Error(
      `The built site in ${siteDir} has ${hashes.size} different inline scripts; the CSP can allow at most ` +
        `${MAX_INLINE_SCRIPTS} by hash. Move page-specific code into bundled <script> modules and pass data in data-* attributes.`,
    );
  }
  return [...hashes].sort();
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}
