import { describe, expect, it } from 'vitest';
import { judgeFragment, newSignInAttempt, nonceOf, signInUrlFor } from '../../site/src/features/sign-in/sign-in-check.js';

/** An unsigned JWT with these claims: the page never verifies signatures (the API does). */
const tokenWith = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.signature';

const attempt = { state: 'state-of-this-tab', nonce: 'nonce-of-this-tab' };
const answer = (token: string, state = attempt.state) => `#id_token=${encodeURIComponent(token)}&state=${encodeURIComponent(state)}`;

describe('starting a sign-in to the workspace or the operator console', () => {
  it('makes a fresh, URL-safe state and nonce of 128 random bits each time', () => {
    const first = newSignInAttempt();
    const second = newSignInAttempt();
    for (const value of [first.state, first.nonce, second.state, second.nonce]) expect(value).toMatch(/^[\w-]{22}$/);
    expect(new Set([first.state, first.nonce, second.state, second.nonce]).size).toBe(4);
  });

  it('adds state and nonce to the Cognito authorize URL after its own parameters', () => {
    const url = signInUrlFor('https://login.example.com/oauth2/authorize?client_id=abc&response_type=token', attempt);
    expect(url).toBe('https://login.example.com/oauth2/authorize?client_id=abc&response_type=token&state=state-of-this-tab&nonce=nonce-of-this-tab');
  });

  it('starts the query itself when the sign-in URL has none (the local issuer)', () => {
    expect(signInUrlFor('/auth/sign-in', attempt)).toBe('/auth/sign-in?state=state-of-this-tab&nonce=nonce-of-this-tab');
  });
});

describe('taking a token from the sign-in answer', () => {
  it('accepts the token when the state and the token’s nonce are the ones this tab sent', () => {
    const token = tokenWith({ sub: 'kg-manager', nonce: attempt.nonce });
    expect(judgeFragment(answer(token), attempt)).toEqual({ kind: 'accepted', token });
  });

  it('has nothing to judge when the address carries no id_token', () => {
    expect(judgeFragment('', attempt)).toEqual({ kind: 'none' });
    expect(judgeFragment('#section', null)).toEqual({ kind: 'none' });
  });

  it('rejects a planted link: a valid token in a tab that started no sign-in', () => {
    const token = tokenWith({ sub: 'attacker', nonce: 'attackers-own-nonce' });
    expect(judgeFragment(answer(token, 'attackers-own-state'), null)).toEqual({ kind: 'rejected' });
    expect(judgeFragment(`#id_token=${token}`, null)).toEqual({ kind: 'rejected' });
  });

  it('rejects an answer whose state is missing or differs', () => {
    const token = tokenWith({ nonce: attempt.nonce });
    expect(judgeFragment(`#id_token=${token}`, attempt)).toEqual({ kind: 'rejected' });
    expect(judgeFragment(answer(token, 'another-state'), attempt)).toEqual({ kind: 'rejected' });
  });

  it('rejects a token minted for another sign-in even when the state was guessed right', () => {
    expect(judgeFragment(answer(tokenWith({ nonce: 'another-nonce' })), attempt)).toEqual({ kind: 'rejected' });
    expect(judgeFragment(answer(tokenWith({ sub: 'no-nonce-at-all' })), attempt)).toEqual({ kind: 'rejected' });
    expect(judgeFragment(answer('not-a-jwt'), attempt)).toEqual({ kind: 'rejected' });
  });

  it('no longer takes the old #token= alias', () => {
    expect(judgeFragment(`#token=${tokenWith({ nonce: attempt.nonce })}&state=${attempt.state}`, attempt)).toEqual({ kind: 'none' });
  });

  it('reads the nonce claim from a base64url payload, including non-ASCII claims', () => {
    expect(nonceOf(tokenWith({ name: 'Айгуль 蜂蜜', nonce: 'n-1_~' }))).toBe('n-1_~');
    expect(nonceOf(tokenWith({ nonce: 42 }))).toBeNull();
    expect(nonceOf('one-part-only')).toBeNull();
  });
});
