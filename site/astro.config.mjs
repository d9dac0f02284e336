import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

/** The public origin pages are built for: canonical, hreflang, Open Graph and the sitemap are absolute from it. */
const site = process.env.SITE_URL || 'http://localhost:4321';

/** Pages search engines are not shown: personal (cart, order), the workspace and the console, search results, the language chooser. */
const UNLISTED = /^\/(pavilion|operator)\/|^\/(zh|ru|en)\/(cart|order|search)\/|^\/$|^\/404\/?$/;

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
  // The build is told its origin (infra/site-build/build-site.ts: the local server's, or the
  // CloudFront/custom domain in the republish build, infra/constructs/republishing.ts); a bare
  // `astro build` assumes `npm start`'s default port.
  site,
  integrations: [
    sitemap({
      // Every storefront page lists its three languages (hreflang), as its <link rel="alternate"> do.
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', ru: 'ru', en: 'en' } },
      filter: (page) => !UNLISTED.test(new URL(page).pathname),
    }),
  ],
  devToolbar: { enabled: false },
  // Scripts and styles as files under /_astro/ rather than inline: cacheable, and a strict
  // Content-Security-Policy (script-src 'self') can be set on the CDN without breaking the islands.
  vite: { build: { assetsInlineLimit: 0 } },
});
