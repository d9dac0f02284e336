/**
 * A flow's deps out of a partly wired set: each is looked up when a request first needs it, so an
 * API wired with catalogue deps only (a catalogue Lambda, a catalogue test) still mounts, describes
 * and serves every other route, and a missing required dep fails loudly where it is used. Deps not
 * named in `required` are optional and read as they are.
 */
export function lazyDeps<T extends object>(deps: Partial<T>, required: readonly (keyof T & string)[]): T {
  const names: readonly string[] = required;
  return new Proxy(deps, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name);
      if (value === undefined && typeof name === 'string' && names.includes(name)) throw new Error(`The API was wired without ${name}`);
      return value;
    },
  }) as T;
}
