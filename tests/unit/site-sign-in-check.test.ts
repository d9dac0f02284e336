import { describe, expect, it } from 'vitest';
import { judgeAnswer, judgeToken, newSignInAttempt, nonceOf, signInUrlFor, tokenRequestFor } from '../../site/src/features/sign-in/sign-in-check.js';
import { codeChallengeOf, newCodeVerifier } from '../../site/src/features/sign-in/pkce.js';

/** An unsigned JWT with these claims: the page never verifies signatures (the API does). */
const tokenWith = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.signature';

const attempt = { state: 'state-of-this-tab', nonce: 'nonce-of-this-tab', verifier: 'v'.repeat(43), signInUrl: '/auth/sign-in' };
const cognito = { ...attempt, signInUrl: 'https://login.example.com/oauth2/authorize?client_id=abc&response_type=code&scope=openid+email&redirect_uri=https://shop.example/pavilion/' };
const answer = (code: string, state = attempt.state) => `?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`;

describe('PKCE (RFC 7636, S256)', () => {
  it('turns the verifier of appendix B into its challenge', async () => {
    // RFC 7636 appendix B: these 32 octets give this verifier, whose S256 challenge is this.
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
    const verifier = newCodeVerifier((bytes) => (bytes.set(octets), bytes));
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await codeChallengeOf(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character verifier from 256 random bits each time', () => {
    const [first, second] = [newCodeVerifier(), newCodeVerifier()];
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(first).not.toBe(second);
  });
});

describe('starting a sign-in to the workspace or the operator console', () => {
  it('makes a fresh, URL-safe state and nonce of 128 random bits and a verifier each time', () => {
    const first = newSignInAttempt('/auth/sign-in');
    const second = newSignInAttempt('/auth/sign-in');
    for (const value of [first.state, first.nonce, second.state, second.nonce]) expect(value).toMatch(/^[\w-]{22}$/);
    expect(new Set([first.state, first.nonce, second.state, second.nonce, first.verifier, second.verifier]).size).toBe(6);
    expect(first.signInUrl).toBe('/auth/sign-in');
  });

  it('adds state, nonce and the S256 challenge to the Cognito authorize URL, keeping its response_type', () => {
    expect(signInUrlFor(cognito, 'the-challenge')).toBe(`${cognito.signInUrl}&state=state-of-this-tab&nonce=nonce-of-this-tab&code_challenge=the-challenge&code_challenge_method=S256`);
  });

  it('asks for a code itself when the sign-in URL names no response_type (the local issuer)', () => {
    expect(signInUrlFor(attempt, 'c')).toBe('/auth/sign-in?response_type=code&state=state-of-this-tab&nonce=nonce-of-this-tab&code_challenge=c&code_challenge_method=S256');
  });
});

describe('judging the sign-in answer', () => {
  it('exchanges a code whose state is the one this tab sent', () => {
    expect(judgeAnswer(answer('the-code'), '', attempt)).toEqual({ kind: 'exchange', code: 'the-code' });
  });

  it('has nothing to judge when the address carries no answer', () => {
    expect(judgeAnswer('', '', attempt)).toEqual({ kind: 'none' });
    expect(judgeAnswer('?id=listing-1', '#section', null)).toEqual({ kind: 'none' });
  });

  it('rejects a planted link: a code in a tab that started no sign-in, or with another state', () => {
    expect(judgeAnswer(answer('attackers-code', 'attackers-state'), '', null)).toEqual({ kind: 'rejected' });
    expect(judgeAnswer(answer('attackers-code', 'attackers-state'), '', attempt)).toEqual({ kind: 'rejected' });
    expect(judgeAnswer('?code=attackers-code', '', attempt)).toEqual({ kind: 'rejected' });
  });

  it('rejects an error answer and any token in the fragment (the implicit grant is gone)', () => {
    expect(judgeAnswer(`?error=access_denied&state=${attempt.state}`, '', attempt)).toEqual({ kind: 'rejected' });
    expect(judgeAnswer('', `#id_token=${tokenWith({ nonce: attempt.nonce })}&state=${attempt.state}`, attempt)).toEqual({ kind: 'rejected' });
  });
});

describe('the token request', () => {
  it('posts the code and verifier to the token endpoint beside Cognito’s authorize endpoint, with its client_id and redirect_uri', () => {
    const request = tokenRequestFor(cognito, 'the-code', 'https://shop.example/pavilion/');
    expect(request.url).toBe('https://login.example.com/oauth2/token');
    expect(Object.fromEntries(request.body)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: attempt.verifier,
      client_id: 'abc',
      redirect_uri: 'https://shop.example/pavilion/',
    });
  });

  it('finds the local issuer’s /token beside its /sign-in, resolving a relative URL against the page', () => {
    const request = tokenRequestFor({ ...attempt, signInUrl: '/auth/sign-in?redirect_uri=%2Foperator%2F' }, 'c', 'http://localhost:4321/operator/');
    expect(request.url).toBe('http://localhost:4321/auth/token');
    expect(request.body.get('redirect_uri')).toBe('/operator/');
    expect(request.body.has('client_id')).toBe(false);
  });
});

describe('taking the token the code bought', () => {
  it('accepts it when it carries this tab’s nonce', () => {
    const token = tokenWith({ sub: 'kg-manager', nonce: attempt.nonce });
    expect(judgeToken(token, attempt)).toEqual({ kind: 'accepted', token });
  });

  it('rejects a token minted for another sign-in, or none at all', () => {
    expect(judgeToken(tokenWith({ nonce: 'another-nonce' }), attempt)).toEqual({ kind: 'rejected' });
    expect(judgeToken(tokenWith({ sub: 'no-nonce-at-all' }), attempt)).toEqual({ kind: 'rejected' });
    expect(judgeToken('not-a-jwt', attempt)).toEqual({ kind: 'rejected' });
    expect(judgeToken(null, attempt)).toEqual({ kind: 'rejected' });
  });

  it('reads the nonce claim from a base64url payload, including non-ASCII claims', () => {
    expect(nonceOf(tokenWith({ name: 'Айгуль 蜂蜜', nonce: 'n-1_~' }))).toBe('n-1_~');
    expect(nonceOf(tokenWith({ nonce: 42 }))).toBeNull();
    expect(nonceOf('one-part-only')).toBeNull();
  });
});
