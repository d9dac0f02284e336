import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, base64url, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FREIGHT_RATES } from '../../functions/domain/freight.js';
import { importTemplateCsv } from '../../functions/domain/listing-import.js';
import { createApi } from '../../functions/http/api.js';
import { createTokenIssuer } from '../../infra/local/token-issuer/issuer.js';
import { authorizeQuery, exchangeCode, postSignIn, signInForToken } from '../support/code-flow.js';
import { AUDIENCE, KG, RU, aListingBody, anEdit, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
let listingId: string;
const ORDER = 'ORD-0123456789ABCDEF';

/** Every route behind the token check, each with a request that would succeed for the right manager. */
const protectedRoutes = () => [
  { method: 'GET', path: '/api/pavilion/me' },
  { method: 'GET', path: '/api/pavilion/listings' },
  { method: 'POST', path: '/api/pavilion/listings', json: aListingBody({ sku: 'NEVER-MADE' }) },
  { method: 'GET', path: `/api/pavilion/listings/${listingId}` },
  { method: 'PUT', path: `/api/pavilion/listings/${listingId}`, json: anEdit(1) },
  { method: 'POST', path: `/api/pavilion/listings/${listingId}/archive`, json: {} },
  { method: 'POST', path: `/api/pavilion/listings/${listingId}/restore`, json: {} },
  { method: 'POST', path: `/api/pavilion/listings/${listingId}/stock`, json: { delta: 5, reason: 'restock' } },
  { method: 'GET', path: `/api/pavilion/listings/${listingId}/stock` },
  { method: 'POST', path: `/api/pavilion/listings/${listingId}/images`, json: { contentType: 'image/png', contentLength: 100 } },
  { method: 'POST', path: '/api/pavilion/imports', body: importTemplateCsv(), headers: { 'content-type': 'text/csv' } },
  { method: 'GET', path: '/api/pavilion/orders' },
  { method: 'POST', path: `/api/pavilion/orders/${ORDER}/lines/1/shipment`, json: { carrier: 'China Post', trackingNumber: 'EE123456789CN' } },
  { method: 'GET', path: '/api/pavilion/freight' },
  { method: 'PUT', path: '/api/pavilion/freight', json: DEFAULT_FREIGHT_RATES },
];

beforeAll(async () => {
  bed = await startPavilionTestbed();
  const created = await bed.call('POST', '/api/pavilion/listings', { token: bed.tokens.KG, json: aListingBody() });
  expect(created.status).toBe(201);
  listingId = created.body.id;
  await bed.putOrderLine({ orderId: ORDER, lineNo: 1, pavilion: 'KG', paidAt: '2026-03-01T10:00:00.000Z' });
});
afterAll(() => bed.stop());

async function expectRefusedEverywhere(token: string | null, status: 401 | 403, extraHeaders: Record<string, string> = {}) {
  for (const route of protectedRoutes()) {
    const { json, body, headers, ...rest } = route as { method: string; path: string; json?: unknown; body?: string; headers?: Record<string, string> };
    const response = await bed.call(rest.method, rest.path, {
      token,
      json,
      body,
      headers: { ...headers, ...extraHeaders },
    });
    expect(response.status, `${rest.method} ${rest.path}`).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    // No data leaks into a refusal: nothing of the listing or the order is in it.
    expect(response.text).not.toContain('Issyk-Kul');
    expect(response.text).not.toContain(ORDER);
    if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }
  const listing = await bed.listings.get(listingId);
  expect(listing).toMatchObject({ version: 1, status: 'active', stock: 20 });
}

/** A token with the right claims but a header and signature of the attacker's choosing. */
function forge(header: object, claims: object, signature = ''): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode(header)}.${encode(claims)}.${signature}`;
}

function goodClaims() {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: bed.issuer.issuer, aud: AUDIENCE, sub: 'attacker', token_use: 'id', 'custom:pavilion': 'KG', 'cognito:groups': ['pavilion-KG'],
    iat: now, exp: now + 3600,
  };
}

describe('the pavilion workspace refuses every route without a valid token', () => {
  it('answers 401 with a Bearer challenge when there is no token', async () => {
    await expectRefusedEverywhere(null, 401);
  });

  it('answers 401 to an expired token', async () => {
    await expectRefusedEverywhere(await bed.issuer.signToken('KG', { expiresIn: -60 }), 401);
  });

  it('answers 401 to a token from another issuer', async () => {
    await expectRefusedEverywhere(await bed.issuer.signToken('KG', { issuer: 'https://evil.example/auth' }), 401);
  });

  it('answers 401 to a token for another app client (ID token aud, access token client_id)', async () => {
    await expectRefusedEverywhere(await bed.issuer.signToken('KG', { audience: 'some-other-client' }), 401);
    await expectRefusedEverywhere(await bed.issuer.signToken('KG', { tokenUse: 'access', audience: 'some-other-client' }), 401);
  });

  it('answers 401 to an unsigned token (alg none)', async () => {
    await expectRefusedEverywhere(forge({ alg: 'none', typ: 'JWT' }, goodClaims()), 401);
  });

  it('answers 401 to an HS256 token keyed with the published public key', async () => {
    const jwks = (await (await fetch(bed.issuer.jwksUrl)).json()) as { keys: object[] };
    const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const token = await new SignJWT(goodClaims()).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    await expectRefusedEverywhere(token, 401);
  });

  it('answers 401 to a token signed by a key the issuer never published', async () => {
    const impostor = await createTokenIssuer({
      keyDir: await mkdtemp(join(tmpdir(), 'impostor-')), issuer: bed.issuer.issuer, audience: AUDIENCE, pavilions: [KG],
    });
    await expectRefusedEverywhere(await impostor.signToken('KG'), 401);
  });

  it('answers 401 to a token whose payload was edited after signing', async () => {
    const [header, , signature] = (await bed.tokens.RU).split('.');
    const edited = `${header}.${base64url.encode(JSON.stringify(goodClaims()))}.${signature}`;
    await expectRefusedEverywhere(edited, 401);
  });

  it('answers 401 to a malformed Authorization header', async () => {
    await expectRefusedEverywhere(null, 401, { authorization: `Basic ${Buffer.from('kg:pw').toString('base64')}` });
    await expectRefusedEverywhere(null, 401, { authorization: 'Bearer not-a-jwt' });
  });

  it('answers 403 to a valid token that names no pavilion', async () => {
    await expectRefusedEverywhere(await bed.issuer.signToken('KG', { pavilionIn: 'none' }), 403);
  });
});

describe('valid tokens', () => {
  it('open every one of those routes to the right manager (so the refusals above are about the token)', async () => {
    for (const route of protectedRoutes()) {
      const { json, body, headers, method, path } = route as { method: string; path: string; json?: unknown; body?: string; headers?: Record<string, string> };
      const response = await bed.call(method, path, { token: bed.tokens.KG, json, body, headers });
      expect(response.status, `${method} ${path}: ${response.text.slice(0, 300)}`).toBeLessThan(300);
    }
  });

  it('admit a manager whose pavilion is in the custom attribute, in a group, or both', async () => {
    for (const pavilionIn of ['attribute', 'group', 'both'] as const) {
      const response = await bed.call('GET', '/api/pavilion/me', { token: await bed.issuer.signToken('KG', { pavilionIn }) });
      expect(response.status).toBe(200);
      expect(response.body.manager.pavilion).toBe('KG');
      expect(response.body.pavilion.currency).toBe('KGS');
    }
  });

  it('admit a Cognito-style access token (client_id and token_use, no aud)', async () => {
    const response = await bed.call('GET', '/api/pavilion/me', { token: await bed.issuer.signToken('RU', { tokenUse: 'access' }) });
    expect(response.status).toBe(200);
    expect(response.body.manager.pavilion).toBe('RU');
  });

  it('are never cached', async () => {
    const response = await bed.call('GET', '/api/pavilion/listings', { token: bed.tokens.KG });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('public workspace routes', () => {
  it('tell the sign-in page where to send managers, without a token', async () => {
    const response = await bed.call('GET', '/api/pavilion/session-config');
    expect(response.status).toBe(200);
    expect(response.body.signInUrl).toBe(`${bed.issuer.issuer}/sign-in`);
    expect(response.body).not.toHaveProperty('signOutUrl');
  });

  it('tell the page where signing out ends the sign-in session too, when one is configured', async () => {
    const api = createApi({ catalogue: bed.catalogue, pavilionSignInUrl: bed.issuer.signInUrl, pavilionSignOutUrl: bed.issuer.signOutUrl }, ['pavilion']);
    const response = await api.request('/api/pavilion/session-config');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ signInUrl: `${bed.issuer.issuer}/sign-in`, signOutUrl: `${bed.issuer.issuer}/sign-out` });
  });

  it('serve the CSV template without a token', async () => {
    const response = await bed.call('GET', '/api/pavilion/imports/template.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
  });

  it('lists RU as a pavilion the issuer can sign in', async () => {
    const page = await fetch(`${bed.issuer.issuer}/sign-in?${authorizeQuery()}`);
    const html = await page.text();
    expect(html).toContain(RU.name.en);
    expect(html).toContain(KG.name.zh);
  });
});

describe('the local token issuer, like Cognito’s code flow with PKCE', () => {
  it('carries state, nonce and the code challenge from the sign-in request through its form', async () => {
    const html = await (await fetch(`${bed.issuer.issuer}/sign-in?${authorizeQuery({ state: 's-123', nonce: 'n-456' })}`)).text();
    expect(html).toContain('<input type="hidden" name="state" value="s-123">');
    expect(html).toContain('<input type="hidden" name="nonce" value="n-456">');
    expect(html).toMatch(/<input type="hidden" name="code_challenge" value="[\w-]{43}">/);
  });

  it('no longer answers the implicit grant, nor a sign-in without an S256 challenge', async () => {
    const plain = authorizeQuery();
    expect((await fetch(`${bed.issuer.issuer}/sign-in?${plain.replace('response_type=code', 'response_type=token')}`)).status).toBe(400);
    expect((await fetch(`${bed.issuer.issuer}/sign-in`)).status).toBe(400);
    expect((await fetch(`${bed.issuer.issuer}/sign-in?response_type=code`)).status).toBe(400);
    expect((await fetch(`${bed.issuer.issuer}/sign-in?${plain.replace('S256', 'plain')}`)).status).toBe(400);
    const noChallenge = await fetch(`${bed.issuer.issuer}/sign-in`, { method: 'POST', body: new URLSearchParams({ pavilion: 'KG' }), redirect: 'manual' });
    expect(noChallenge.status).toBe(400);
    expect(noChallenge.headers.get('location')).toBeNull();
  });

  it('returns only a code and the state, and puts the nonce in the ID token the code buys', async () => {
    const signedIn = await postSignIn(bed.issuer.issuer, { pavilion: 'RU', state: 's-123', nonce: 'n-456' });
    expect(signedIn.response.status).toBe(303);
    expect(signedIn.location).toMatch(/^\/pavilion\/\?code=[\w-]{43}&state=s-123$/);
    const exchanged = await exchangeCode(bed.issuer.issuer, { code: signedIn.code!, code_verifier: signedIn.verifier, client_id: AUDIENCE });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({ token_type: 'Bearer' });
    const token = exchanged.body.id_token;
    expect(decodeJwt(token).nonce).toBe('n-456');
    // The API does not care about the nonce: the token works like any other.
    expect((await bed.call('GET', '/api/pavilion/me', { token })).body.manager.pavilion).toBe('RU');
  });

  it('signs in without state or nonce when none were sent, as Cognito does', async () => {
    const { location, token } = await signInForToken(bed.issuer.issuer, { pavilion: 'KG' });
    expect(location).toMatch(/^\/pavilion\/\?code=[\w-]+$/);
    expect(decodeJwt(token)).not.toHaveProperty('nonce');
  });

  it('refuses a state or nonce that is not plain URL-safe text', async () => {
    expect((await fetch(`${bed.issuer.issuer}/sign-in?${authorizeQuery({ state: '"><script>' })}`)).status).toBe(400);
    expect((await postSignIn(bed.issuer.issuer, { pavilion: 'KG', nonce: 'x'.repeat(257) })).response.status).toBe(400);
  });

  it('signs out by sending the browser back to the workspace', async () => {
    const response = await fetch(bed.issuer.signOutUrl, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/pavilion/');
  });
});
