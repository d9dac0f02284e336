/**
 * Values from the JSON Schemas of an OpenAPI 3.1 document: a plausible valid value (so a mutation
 * breaks one field at a time, not everything at once), and ways to break a value of a schema.
 */
export type Schema = {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly example?: unknown;
  readonly default?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
};

export type Random = () => number;

/** mulberry32: a small seeded generator, so a run is repeated exactly from its seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickFrom = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Follows $ref and flattens allOf (the generator's wrappers add descriptions that way). */
export function resolve(schema: Schema | undefined, components: Readonly<Record<string, Schema>>, depth = 0): Schema {
  if (!schema || depth > 20) return {};
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], components, depth + 1);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(part, components, depth + 1));
    const { allOf: _ignored, ...rest } = schema;
    return parts.reduce<Schema>((merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties } }), rest);
  }
  return schema;
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties) return 'object';
  if (schema.enum) return typeof schema.enum[0];
  return undefined;
}

/** A value the schema most likely accepts: examples and enums first, then something of the right shape. */
export function validValue(input: Schema | undefined, components: Readonly<Record<string, Schema>>, depth = 0): unknown {
  const schema = resolve(input, components);
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const options = schema.oneOf ?? schema.anyOf;
  if (options?.length) return validValue(options[0], components, depth + 1);
  if (depth > 8) return null;
  switch (typeOf(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) value[name] = validValue(property, components, depth + 1);
      return value;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => validValue(schema.items, components, depth + 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 'x';
  }
}

const WRONG_TYPES: readonly unknown[] = [null, true, 0, -1, 1.5, '', 'x', [], {}, [null]];

/** A value that should break `schema`: the wrong type, past its bounds, outside its enum or pattern. */
export function brokenValue(input: Schema | undefined, components: Readonly<Record<string, Schema>>, random: Random): unknown {
  const schema = resolve(input, components);
  const type = typeOf(schema);
  const specific: unknown[] = [];
  if (schema.enum) specific.push('not-in-enum', String(schema.enum[0]).toUpperCase(), ` ${String(schema.enum[0])}`);
  if (type === 'string') {
    specific.push('x'.repeat((schema.maxLength ?? 4000) + 1), '\u0000', '\uFFFF\uD800', '<script>alert(1)</script>', '../../etc/passwd', '1e309', ' ', '𝕏'.repeat(300));
    if (schema.minLength) specific.push('');
    if (schema.pattern) specific.push('!!not-matching!!', `${String(validValue(schema, components))}\n`);
  }
  if (type === 'integer' || type === 'number') {
    specific.push(-1, 1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 0.5, '1', 'NaN');
    if (schema.minimum !== undefined) specific.push(schema.minimum - 1);
    if (schema.maximum !== undefined) specific.push(schema.maximum + 1);
  }
  if (type === 'array') specific.push([], Array.from({ length: (schema.maxItems ?? 200) + 1 }, () => validValue(schema.items, components)), 'not-an-array');
  if (type === 'object') specific.push('not-an-object', [], { unknownField: 1 });
  const pool = [...specific, ...WRONG_TYPES];
  return pool[Math.floor(random() * pool.length)];
}

/** Every property path of a valid value (["recipient", "postcode"], …), each a field to break on its own. */
export function fieldPaths(input: Schema | undefined, components: Readonly<Record<string, Schema>>, prefix: readonly string[] = [], depth = 0): Array<{ path: readonly string[]; schema: Schema; required: boolean }> {
  const schema = resolve(input, components);
  if (depth > 6 || typeOf(schema) !== 'object') return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
    { path: [...prefix, name], schema: property, required: schema.required?.includes(name) ?? false },
    ...fieldPaths(property, components, [...prefix, name], depth + 1),
  ]);
}

/** A deep copy of `value` with the field at `path` set to `next` (or removed when `next` is REMOVE). */
export const REMOVE = Symbol('remove');
export function withField(value: unknown, path: readonly string[], next: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (next === REMOVE) delete node[last];
  else node[last] = next;
  return copy;
}
