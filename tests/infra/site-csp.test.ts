import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from '../../infra/constructs/site-csp.js';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
let dir: string | undefined;

function site(pages: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'site-csp-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the CSP of the built site', () => {
  it('allows each distinct inline script of every page by its hash, once', () => {
    const loader = '(()=>{customElements.define("astro-island",class extends HTMLElement{})})();';
    const dist = site({
      'index.html': `<html><script>${loader}</script></html>`,
      'zh/products/kg-honey/index.html': `<html><script type="module">${loader}</script><script>console.log(1)</script></html>`,
    });
    expect(inlineScriptHashes(dist)).toEqual([sha256(loader), sha256('console.log(1)')].sort());
  });

  it('ignores scripts loaded from files and JSON data blocks, which CSP hashes do not concern', () => {
    const dist = site({
      'index.html':
        '<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"@type":"Product"}</script>',
    });
    expect(inlineScriptHashes(dist)).toEqual([]);
  });

  it('refuses a site whose pages inline many different scripts, naming the fix', () => {
    const pages = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`p${i}/index.html`, `<script>render(${i})</script>`]));
    expect(() => inlineScriptHashes(site(pages))).toThrow(/13 different inline scripts/);
  });

  it('keeps scripts to our origin and the hashes, lets forms go to Stripe Checkout and forbids framing', () => {
    const csp = contentSecurityPolicy(['sha256-abc=']);
    // 'wasm-unsafe-eval' lets search compile Pagefind's WebAssembly; it allows no JavaScript eval.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("form-action 'self' https://checkout.stripe.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
  });
});
