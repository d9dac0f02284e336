import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Serves the built site and the media folder the way CloudFront does in AWS:
 * `/media/*` from the images folder, everything else from the site with directory indexes.
 */
export function createStaticApp(options: { siteDir: string; mediaDir: string }) {
  const app = new Hono();
  const root = (dir: string) => relative(process.cwd(), dir) || '.';
  // First, so it wraps serveStatic: a file it answers never reaches a middleware registered after it.
  // CloudFront's response headers policy sends nosniff on every file (infra/constructs/static-site.ts);
  // here it matters most for uploads, which a browser must never read as anything but their type.
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
  });
  app.use('/media/*', serveStatic({ root: root(options.mediaDir), rewriteRequestPath: (path) => path.replace(/^\/media/, '') }));
  app.get('*', async (c, next) => {
    // `/zh/products/x` without the trailing slash: send the browser to the directory, as S3 website hosting does.
    // One leading slash only: `//evil.example` in a Location header would be another host.
    const path = `/${c.req.path.replace(/^[/\\]+/, '')}`;
    const safe = !path.includes('\\') && !path.split('/').includes('..');
    if (safe && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path) && existsSync(join(options.siteDir, path, 'index.html'))) {
      const url = new URL(c.req.url);
      return c.redirect(`${path}/${url.search}`, 301);
    }
    return next();
  });
  app.use('*', serveStatic({ root: root(options.siteDir) }));
  app.notFound(async (c) => {
    const page = join(options.siteDir, '404.html');
    if (existsSync(page)) return c.html(await readFile(page, 'utf8'), 404);
    return c.text('Not found', 404);
  });
  return app;
}
