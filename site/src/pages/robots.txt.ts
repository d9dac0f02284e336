import type { APIRoute } from 'astro';

/**
 * Crawlers may read every page; the API is not for them. Pages for one shopper (cart, order), the
 * workspace and the operator console say `noindex` themselves (a disallowed page could not say it),
 * and the sitemap (@astrojs/sitemap, site/astro.config.mjs) lists the storefront's pages in three languages.
 */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site).href;
  return new Response(['User-agent: *', 'Disallow: /api/', '', `Sitemap: ${sitemap}`, ''].join('\n'), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
