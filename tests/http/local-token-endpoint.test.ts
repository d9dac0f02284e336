import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_SECONDS, challengeFor, createTokenIssuer, type TokenIssuer } from '../../infra/local/token-issuer/issuer.js';
import { newVerifier } from '../support/code-flow.js';
import { KG } from './pavilion-testbed.js';

/** The local issuer's /token, like Cognito's for a public client: one code, once, briefly, for the right verifier. */
const AUDIENCE = 'token-endpoint-test-client';
let now = Date.parse('2026-11-30T10:00:00Z');
let keyDir: string;
let issuer: TokenIssuer;

beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'hpkce-issuer-'));
  issuer = await createTokenIssuer({ keyDir, issuer: 'http://issuer.test/auth', audience: AUDIENCE, pavilions: [KG], clock: () => now });
});
afterAll(() => rm(keyDir, { recursive: true, force: true }));

/** A click on the KG demo manager, answered with a code bound to a fresh verifier (and to redirect_uri, when given). */
async function codeFor(form: Record<string, string> = {}): Promise<{ code: string; verifier: string }> {
  const verifier = newVerifier();
  const response = await issuer.app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ pavilion: KG.code, nonce: 'n-1', code_challenge: challengeFor(verifier), ...form }) });
  expect(response.status).toBe(303);
  const code = new URLSearchParams(response.headers.get('location')!.split('?')[1]).get('code');
  expect(code).toMatch(/^[\w-]{43}$/);
  return { code: code!, verifier };
}

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; cache: string | null }> {
  const response = await issuer.app.request('/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', ...form }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cache: response.headers.get('cache-control') };
}

describe('the local issuer’s token endpoint', () => {
  it('gives the ID token for the code and its verifier, not to be cached', async () => {
    const { code, verifier } = await codeFor();
    const answer = await token({ code, code_verifier: verifier, client_id: AUDIENCE });
    expect(answer.status).toBe(200);
    expect(answer.cache).toBe('no-store');
    expect(decodeJwt(answer.body['id_token'] as string)).toMatchObject({ aud: AUDIENCE, nonce: 'n-1', 'custom:pavilion': KG.code });
  });

  it('refuses a wrong verifier with invalid_grant, and the code is spent by the try', async () => {
    const { code, verifier } = await codeFor();
    const wrong = await token({ code, code_verifier: newVerifier() });
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toBe('invalid_grant');
    expect(wrong.body).not.toHaveProperty('id_token');
    // An attacker's guess burns the code: the rightful tab must sign in again, but nobody gets a token.
    expect((await token({ code, code_verifier: verifier })).status).toBe(400);
  });

  it('refuses a code used before', async () => {
    const { code, verifier } = await codeFor();
    expect((await token({ code, code_verifier: verifier })).status).toBe(200);
    const again = await token({ code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(again.body['error']).toBe('invalid_grant');
  });

  it('refuses a code older than its short life, and takes one just inside it', async () => {
    const late = await codeFor();
    const inTime = await codeFor();
    now += (CODE_SECONDS - 1) * 1000;
    expect((await token({ code: inTime.code, code_verifier: inTime.verifier })).status).toBe(200);
    now += 1000;
    const expired = await token({ code: late.code, code_verifier: late.verifier });
    expect(expired.status).toBe(400);
    expect(expired.body['error']).toBe('invalid_grant');
  });

  it('refuses an unknown code, a malformed verifier, another client, another grant type or another redirect_uri', async () => {
    const { code, verifier } = await codeFor({ redirect_uri: '/operator/' });
    expect((await token({ code: 'no-such-code', code_verifier: verifier })).body['error']).toBe('invalid_grant');
    expect((await token({ code, code_verifier: 'short' })).body['error']).toBe('invalid_request');
    expect((await token({ code, code_verifier: verifier, client_id: 'someone-else' })).body['error']).toBe('invalid_client');
    expect((await token({ code, code_verifier: verifier, grant_type: 'implicit' })).body['error']).toBe('unsupported_grant_type');
    // None of those spent the code; a different redirect_uri does (it is checked after the code is taken).
    expect((await token({ code, code_verifier: verifier, redirect_uri: '/pavilion/' })).body['error']).toBe('invalid_grant');
    const bound = await codeFor({ redirect_uri: '/operator/' });
    expect((await token({ code: bound.code, code_verifier: bound.verifier, redirect_uri: '/operator/' })).status).toBe(200);
  });

  it('announces the code flow with S256 in its discovery document', async () => {
    const discovery = await (await issuer.app.request('/.well-known/openid-configuration')).json();
    expect(discovery).toMatchObject({ token_endpoint: 'http://issuer.test/auth/token', response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] });
  });
});
