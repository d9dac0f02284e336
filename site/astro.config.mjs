import { defineConfig } from 'astro/config';

/**
 * The storefront is plain static HTML: every page is built from a catalogue snapshot
 * (env CATALOGUE_SNAPSHOT, see src/data/catalogue.ts); live stock and price come from /api at view time.
 * URLs always end in a slash and each page is a folder with index.html, so S3/CloudFront
 * and the local server map /zh/products/kg-honey/ to zh/products/kg-honey/index.html the same way.
 */
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Absolute URLs (hreflang, canonical) only when the public origin is known; otherwise root-relative.
  site: process.env.SITE_URL || undefined,
  devToolbar: { enabled: false },
  // Scripts and styles as files under /_astro/ rather than inline: cacheable, and a strict
  // Content-Security-Policy (script-src 'self') can be set on the CDN without breaking the islands.
  vite: { build: { assetsInlineLimit: 0 } },
});
