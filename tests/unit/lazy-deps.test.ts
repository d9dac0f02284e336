import { describe, expect, it } from 'vitest';
import { lazyDeps } from '../../functions/usecases/lazy-deps.js';

interface Deps {
  readonly store: { read(): string };
  readonly clock: { now(): Date };
  readonly signInUrl?: string;
}

describe('deps wired in part', () => {
  it('give what is wired, and an optional dep that is not as undefined', () => {
    const deps = lazyDeps<Deps>({ store: { read: () => 'ok' } }, ['store', 'clock']);
    expect(deps.store.read()).toBe('ok');
    expect(deps.signInUrl).toBeUndefined();
  });

  it('fail loudly, naming the dep, only where a missing required one is used', () => {
    const deps = lazyDeps<Deps>({}, ['store', 'clock']);
    expect(() => deps.clock.now()).toThrow('The API was wired without clock');
  });

  it('see a dep wired after they were made', () => {
    const wired: { -readonly [K in keyof Deps]?: Deps[K] } = {};
    const deps = lazyDeps<Deps>(wired, ['store', 'clock']);
    wired.store = { read: () => 'late' };
    expect(deps.store.read()).toBe('late');
  });
});
