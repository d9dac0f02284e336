import { brokenValue, fieldPaths, pickFrom, REMOVE, validValue, withField, type Random, type Schema } from './schema-values.js';

/**
 * Malformed requests generated from the OpenAPI document the API serves: each starts from a
 * request the document describes (valid path, query, headers and body) and breaks one thing:
 * a path parameter, a query value, a header, one body field, the whole body, its type, its size,
 * the method, or the sign-in. Routes behind a sign-in are tried with and without the token that
 * passes it, so the validation behind the sign-in is reached too.
 */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

interface OpenApiOperation {
  readonly parameters?: ReadonlyArray<{ readonly in: string; readonly name: string; readonly required?: boolean; readonly schema?: Schema }>;
  readonly requestBody?: { readonly required?: boolean; readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
  readonly security?: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

type Param = { readonly name: string; readonly required: boolean; readonly schema?: Schema };

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly Param[];
  readonly query: readonly Param[];
  readonly headers: readonly Param[];
  readonly body?: { readonly type: string; readonly schema?: Schema };
  /** Whose token passes the route's sign-in. */
  readonly signIn?: 'manager' | 'operator';
}

/**
 * The pavilion whose manager's token the fuzz uses: not KG, which the document's examples name, so
 * an operator request that happens to be valid (a suspension of KG) does not lock the manager out
 * and leave the workspace's validation unreached for the rest of the run.
 */
export const FUZZ_MANAGER_PAVILION = 'UZ';

export interface FuzzTokens {
  readonly manager: string;
  readonly operator: string;
}

export interface FuzzRequest {
  readonly operation: string;
  /** What was broken, for the report. */
  readonly mutation: string;
  readonly method: string;
  /** Path and query, percent-encoded as sent. */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const of = (place: string) => parameters.filter((parameter) => parameter.in === place).map(({ name, required, schema }) => ({ name, required: required ?? false, schema }));
        const content = Object.entries(operation.requestBody?.content ?? {})[0];
        const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
        // The document names the scheme on most signed-in routes; the path tells for the rest (uploads).
        const signIn = schemes.includes('OperatorToken') || (path.startsWith('/api/operator/') && !path.endsWith('/session-config'))
          ? 'operator'
          : schemes.includes('PavilionToken') || (path.startsWith('/api/pavilion/') && !path.endsWith('/session-config'))
            ? 'manager'
            : undefined;
        return {
          method: method.toUpperCase(),
          path,
          pathParams: of('path'),
          query: of('query'),
          headers: of('header'),
          ...(content ? { body: { type: content[0], schema: content[1].schema } } : {}),
          ...(signIn ? { signIn } : {}),
        } satisfies Operation;
      }),
  );
}

const NASTY_SEGMENTS = ['', 'x', 'NOT-AN-ID', '%00', '%FF', '%', '..%2F..%2Fetc%2Fpasswd', '..', encodeURIComponent('蜂蜜'), 'a'.repeat(3000), '-1', '0', '1e309', '1.5', 'NaN', '99999999999999999999', '%20', 'null'];
const NASTY_QUERY_VALUES = ['', '%FF', '%', '-1', '0', '1e309', 'NaN', '99999999999999999999', 'a'.repeat(5000), '%00', '[]', '{}', 'true'];

/** One malformed request for `operation`, drawn with `random`. */
export function fuzzRequest(operation: Operation, document: OpenApiDocument, tokens: FuzzTokens, random: Random): FuzzRequest {
  const components = document.components?.schemas ?? {};
  const pathValues = new Map(operation.pathParams.map((param) => [param.name, encodePart(String(validValue(param.schema, components)))]));
  const rawQuery: string[] = [];
  const headers: Record<string, string> = {};
  for (const header of operation.headers) if (header.required || random() < 0.5) headers[header.name] = String(validValue(header.schema, components));
  let method = operation.method;
  let body: string | undefined;
  const bodySchema = operation.body?.schema;
  const validBody = operation.body?.type === 'application/json' ? validValue(bodySchema, components) : operation.body ? 'sku,title_en\nKG-1,Honey\n' : undefined;
  if (operation.body) {
    headers['content-type'] = operation.body.type;
    body = typeof validBody === 'string' && operation.body.type !== 'application/json' ? validBody : JSON.stringify(validBody);
  }

  const choices: Array<[string, () => string]> = [];
  if (operation.pathParams.length > 0) {
    choices.push(['path parameter', () => {
      const param = pickFrom(random, operation.pathParams);
      const value = random() < 0.6 ? pickFrom(random, NASTY_SEGMENTS) : encodePart(String(brokenValue(param.schema, components, random)));
      pathValues.set(param.name, value);
      return `path ${param.name}=${value.slice(0, 30)}`;
    }]);
  }
  choices.push(['query', () => {
    const param = operation.query.length > 0 && random() < 0.8 ? pickFrom(random, operation.query) : { name: pickFrom(random, ['limit', 'cursor', 'token', '__proto__[x]', 'x']), schema: undefined };
    const broken = random() < 0.5 ? pickFrom(random, NASTY_QUERY_VALUES) : encodePart(JSON.stringify(brokenValue(param.schema, components, random)) ?? '');
    rawQuery.push(`${encodeURIComponent(param.name)}=${broken}`);
    if (random() < 0.2) rawQuery.push(`${encodeURIComponent(param.name)}=${broken}`);
    return `query ${param.name}=${broken.slice(0, 30)}`;
  }]);
  if (operation.headers.length > 0) {
    choices.push(['header', () => {
      const header = pickFrom(random, operation.headers);
      if (random() < 0.3) {
        delete headers[header.name];
        return `header ${header.name} missing`;
      }
      headers[header.name] = String(brokenValue(header.schema, components, random)).replace(/[^\t\x20-\x7e]/g, '?').slice(0, 4000);
      return `header ${header.name} broken`;
    }]);
  }
  const fields = operation.body?.type === 'application/json' ? fieldPaths(bodySchema, components) : [];
  if (fields.length > 0) {
    choices.push(['body field', () => {
      const field = pickFrom(random, fields);
      const roll = random();
      const next = roll < 0.25 ? REMOVE : roll < 0.35 ? validValue(field.schema, components) : brokenValue(field.schema, components, random);
      body = JSON.stringify(roll >= 0.35 && roll < 0.4 ? withField(validBody, [...field.path.slice(0, -1), 'unexpectedField'], 1) : withField(validBody, field.path, next));
      return `body ${field.path.join('.')}: ${next === REMOVE ? 'removed' : JSON.stringify(next)?.slice(0, 30)}`;
    }]);
  }
  choices.push(['body', () => {
    const [name, make] = pickFrom(random, wholeBodies(body ?? '{}', random));
    body = make();
    if (!headers['content-type']) headers['content-type'] = 'application/json';
    return `body ${name}`;
  }]);
  choices.push(['content type', () => {
    const type = pickFrom(random, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonx', 'APPLICATION/JSON', 'text/csv', '', 'application/xml']);
    body ??= '{"a":1}';
    if (type) headers['content-type'] = type;
    else delete headers['content-type'];
    return `content-type ${JSON.stringify(type)}`;
  }]);
  choices.push(['method', () => {
    method = pickFrom(random, ['DELETE', 'PATCH', 'PUT', 'POST', 'GET', 'OPTIONS', 'HEAD'].filter((other) => other !== operation.method));
    if (method === 'GET' || method === 'HEAD') body = undefined;
    return `method ${method}`;
  }]);

  const [, mutate] = pickFrom(random, choices);
  const mutation = mutate();
  const auth = signInHeader(operation, tokens, random);
  if (auth.value !== undefined) headers.authorization = auth.value;
  if ((method === 'GET' || method === 'HEAD') && body !== undefined && random() < 0.7) body = undefined;
  if (body === undefined) delete headers['content-type'];
  else if (random() < 0.15) headers['transfer-encoding'] = 'chunked';

  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues.get(name) ?? 'x');
  const search = rawQuery.join('&');
  return {
    operation: `${operation.method} ${operation.path}`,
    mutation: `${mutation}; ${auth.name}`,
    method,
    target: search ? `${path}?${search}` : path,
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

/** Percent-encodes like encodeURIComponent; a lone surrogate becomes the bytes of one, which no UTF-8 decoder accepts. */
function encodePart(value: string): string {
  return value.replace(/[\uD800-\uDFFF]/g, (unit) => (unit.charCodeAt(0) < 0xdc00 ? '\uFFFD' : '\uFFFE')).split('').map((char) => (char === '\uFFFD' ? '%ED%A0%80' : char === '\uFFFE' ? '%ED%B0%80' : encodeURIComponent(char))).join('');
}

function wholeBodies(valid: string, random: Random): Array<[string, () => string]> {
  return [
    ['empty', () => ''],
    ['cut short', () => valid.slice(0, Math.floor(random() * valid.length))],
    ['null', () => 'null'],
    ['array', () => `[${valid}]`],
    ['number', () => '42'],
    ['string', () => '"text"'],
    ['huge number', () => valid.replace(/:\s*\d+/, ':1e400')],
    ['prototype keys', () => valid.replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')],
    ['duplicate keys', () => valid.replace('{', '{"a":1,"a":2,')],
    ['byte-order mark', () => `\uFEFF${valid}`],
    ['deep nesting', () => `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['lone surrogate', () => valid.replace('{', '{"x":"\\ud800",')],
    ['1.2 MB', () => JSON.stringify({ padding: 'a'.repeat(1_200_000) })],
    ['CSV junk', () => '\uFEFFsku,title_en\n"KG-1,"broken\n' + 'x,'.repeat(500)],
  ];
}

function signInHeader(operation: Operation, tokens: FuzzTokens, random: Random): { name: string; value?: string } {
  const roll = random();
  if (!operation.signIn) return roll < 0.1 ? { name: 'stray token', value: `Bearer ${tokens.manager}` } : { name: 'no token' };
  const own = operation.signIn === 'manager' ? tokens.manager : tokens.operator;
  const other = operation.signIn === 'manager' ? tokens.operator : tokens.manager;
  if (roll < 0.55) return { name: 'signed in', value: `Bearer ${own}` };
  if (roll < 0.7) return { name: 'no token' };
  if (roll < 0.8) return { name: 'other side’s token', value: `Bearer ${other}` };
  if (roll < 0.9) return { name: 'tampered token', value: `Bearer ${own.slice(0, -4)}AAAA` };
  return { name: 'malformed authorization', value: pickFrom(random, ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `bearer ${own}`, 'Bearer a.b.c', `Bearer ${'x'.repeat(9000)}`]) };
}

