import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createStaticApp } from '../../infra/local/static-files.js';

const root = mkdtempSync(join(tmpdir(), 'sco-static-'));
const siteDir = join(root, 'site');
mkdirSync(join(siteDir, 'zh'), { recursive: true });
writeFileSync(join(siteDir, 'zh', 'index.html'), '<html lang="zh-CN"></html>');
writeFileSync(join(siteDir, '404.html'), '<html>not here</html>');
mkdirSync(join(root, 'media', 'products'), { recursive: true });
writeFileSync(join(root, 'media', 'products', 'honey.webp'), 'RIFF....WEBP');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = createStaticApp({ siteDir, mediaDir: join(root, 'media') });

it('sends a directory without its trailing slash to the directory, on our own host', async () => {
  const response = await app.request('/zh?x=1');
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toBe('/zh/?x=1');
});

it.each(['//zh', '/\\evil.example/../zh', '//evil.example/%2e%2e/zh'])('never redirects %s to another host', async (path) => {
  const response = await app.request(path);
  const location = response.headers.get('location');
  if (location) expect(location).toMatch(/^\/[^/\\]/);
});

it('answers an unknown page with the site’s 404 page', async () => {
  const response = await app.request('/zh/nothing/');
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('not here');
});

it.each(['/media/products/honey.webp', '/zh/', '/media/products/missing.webp'])('sends nosniff with %s, as CloudFront does', async (path) => {
  const response = await app.request(path);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});
