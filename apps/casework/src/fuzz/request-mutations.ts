/**
 * Bad path parameters, query parameters and headers of one operation, made from its valid request;
 * and the requests nobody logged in may send. Every candidate is listed; the plan samples them.
 */
import { BAD_DATES, CONTROL_CHARACTERS, controlName, deepJson, HUGE_URL_STRING, INVALID_IDS, PROTOTYPE_KEYS } from './bad-values.js';
import { flavourOf, type ApiOperation } from './openapi-walker.js';
import { jsonOf, queryString, type Mutation, type ValidRequest } from './fuzz-request.js';

/** A well-formed id of nothing (fixed, so that runs repeat). */
export const UNKNOWN_UUID = '5e1f0c2a-9d3b-4c7e-8f00-00000000f022';

/** Operations answered without logging in. */
export const PUBLIC_OPERATIONS = new Set(['POST /api/auth/login', 'GET /health', 'GET /ready', 'GET /metrics']);

/** Routes whose commands read `If-Match` and `Idempotency-Key` (CommandMetadata): a bad one must be refused there. A reveal is a logged read, not a command. */
const CASE_COMMAND_ROUTES = /^\/api\/(complaints|wage-cases|hardship-files|mediation-cases|approvals)\/(?!.*\/reveal$)/;

export function pathMutations(operation: ApiOperation, valid: ValidRequest, pathValues: Readonly<Record<string, string>>): Mutation[] {
  return operation.pathParams.flatMap(({ name }) => {
    const values: [string, string, boolean][] = [
      ...PROTOTYPE_KEYS.map((key): [string, string, boolean] => ['path.prototype-key', key, true]),
      ['path.prototype-key', 'valueOf', true],
      ...CONTROL_CHARACTERS.map((c): [string, string, boolean] => [`path.control ${controlName(c)}`, `id${c}1`, true]),
      ...INVALID_IDS.map((id): [string, string, boolean] => ['path.invalid-id', id, true]),
      ['path.unknown-uuid', UNKNOWN_UUID, true],
      ['path.huge-string 8k', HUGE_URL_STRING, true],
      ...(/date|year/.test(name) ? BAD_DATES.map((d): [string, string, boolean] => [`path.bad-date ${d}`, d, true]) : []),
    ];
    const encoded = values.map(([kind, value, mustRefuse]): Mutation => ({
      kind,
      target: `{${name}}`,
      path: concretePath(operation.template, { ...pathValues, [name]: encodeURIComponent(value) }) + queryString(valid.query),
      mustRefuse,
      field: name,
    }));
    // Broken percent-encoding reaches Express's own decoding, not ours.
    const raw: Mutation = { kind: 'path.bad-percent-encoding', target: `{${name}}`, path: concretePath(operation.template, { ...pathValues, [name]: '%E0%A4%A' }), mustRefuse: true, field: name };
    return [...encoded, raw];
  });
}

export function queryMutations(operation: ApiOperation, valid: ValidRequest, pathValues: Readonly<Record<string, string>>): Mutation[] {
  const base = concretePath(operation.template, pathValues);
  const at = (query: Record<string, string>, kind: string, target: string, mustRefuse: boolean): Mutation => ({ kind, target, path: base + queryString(query), mustRefuse, field: target });
  const declared = operation.queryParams.flatMap(({ name, schema }) => {
    const typed = schema.type === 'number' || schema.type === 'integer' ? ['abc', '1.5', '-1', '1e9999', ''] : schema.type === 'boolean' ? ['maybe', '2', ''] : [];
    const dated = flavourOf(name) === 'date' || flavourOf(name) === 'instant' ? BAD_DATES : [];
    return [
      ...typed.map((v) => at({ ...valid.query, [name]: v }, `query.wrong-type ${schema.type}`, name, v !== '')),
      ...dated.map((d) => at({ ...valid.query, [name]: d }, `query.bad-date ${d}`, name, true)),
      ...CONTROL_CHARACTERS.map((c) => at({ ...valid.query, [name]: `a${c}b` }, `query.control ${controlName(c)}`, name, c !== '\u2028')),
      ...PROTOTYPE_KEYS.map((key) => at({ ...valid.query, [name]: key }, 'query.prototype-key-as-value', name, false)),
      at({ ...valid.query, [name]: HUGE_URL_STRING }, 'query.huge-string 8k', name, false),
      { kind: 'query.repeated-param', target: name, path: `${base}${queryString(valid.query)}${Object.keys(valid.query).length ? '&' : '?'}${name}=a&${name}=b`, mustRefuse: false, field: name },
    ];
  });
  const undeclared = [...PROTOTYPE_KEYS, 'fuzzUnknown'].map((key) => at({ ...valid.query, [key]: '1' }, 'query.unknown-param', key, false));
  const nested = [at({ ...valid.query, '__proto__[polluted]': '1' }, 'query.prototype-pollution', '__proto__', false)];
  return [...declared, ...undeclared, ...nested];
}

export function headerMutations(operation: ApiOperation): Mutation[] {
  if (!operation.command) return [];
  const checked = CASE_COMMAND_ROUTES.test(operation.template);
  const ifMatch = ['abc', '-1', '1.5', '99999999999', '"', 'W/', '1, 2', 'x'.repeat(8_000), '\u00e9t\u00e9'].map(
    (value): Mutation => ({ kind: 'header.bad-if-match', target: 'If-Match', headers: { 'if-match': value }, mustRefuse: checked, field: 'If-Match' }),
  );
  const keys: [string, boolean][] = [['short', true], ['k'.repeat(129), true], ['key with spaces', true], ['cl\u00e9-cl\u00e9-cl\u00e9', true], ['a/b/c/d/e/f', true], ['__proto__', false], ['constructor', false], ['hasOwnProperty', false]];
  const idempotency = keys.map(([value, mustRefuse]): Mutation => ({
    kind: mustRefuse ? 'header.bad-idempotency-key' : 'header.prototype-key-as-idempotency-key',
    target: 'Idempotency-Key',
    headers: { 'idempotency-key': value },
    mustRefuse: checked && mustRefuse,
    field: 'Idempotency-Key',
  }));
  const contentTypes: Mutation[] = [
    { kind: 'header.content-type text/plain', target: 'Content-Type', headers: { 'content-type': 'text/plain' }, mustRefuse: false },
    { kind: 'header.content-type form', target: 'Content-Type', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a[__proto__][polluted]=1&constructor[prototype][x]=1', mustRefuse: (operation.body?.required?.length ?? 0) > 0 },
  ];
  return [...ifMatch, ...idempotency, ...contentTypes];
}

/** Requests without a valid log-in: none, a forged token, a huge one, another scheme. */
export function unauthenticatedMutations(operation: ApiOperation): Mutation[] {
  const mustRefuse = !PUBLIC_OPERATIONS.has(`${operation.method} ${operation.template}`);
  return [
    { kind: 'auth.none', target: 'Authorization', principal: 'anonymous', mustRefuse },
    { kind: 'auth.forged-token', target: 'Authorization', principal: 'anonymous', headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.' }, mustRefuse },
    { kind: 'auth.huge-token', target: 'Authorization', principal: 'anonymous', headers: { authorization: `Bearer ${'x'.repeat(8_000)}` }, mustRefuse },
    { kind: 'auth.basic', target: 'Authorization', principal: 'anonymous', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, mustRefuse },
  ];
}

/** What the unauthenticated may send to the log-in: deep JSON, huge bodies, hostile names. */
export function loginMutations(): Mutation[] {
  const as = (kind: string, body: string, field?: string): Mutation => ({ kind, target: field ?? '(body)', body, principal: 'anonymous', mustRefuse: true, field });
  return [
    as('login.deep-json object 10000', deepJson(10_000, 'object')),
    as('login.deep-json array 10000', deepJson(10_000, 'array')),
    as('login.deep-json in-field 10000', `{"username":${deepJson(10_000, 'object')},"password":"x"}`, 'username'),
    as('login.body 1MB', jsonOf({ username: 'admin', password: 'p'.repeat(1_000_000) }), 'password'),
    as('login.body 10MB', jsonOf({ username: 'admin', password: 'p'.repeat(10_000_000) }), 'password'),
    ...CONTROL_CHARACTERS.map((c) => as(`login.control ${controlName(c)}`, jsonOf({ username: `adm${c}in`, password: 'x' }), 'username')),
    ...PROTOTYPE_KEYS.map((key) => as('login.prototype-key-as-username', jsonOf({ username: key, password: key }), 'username')),
    as('login.extra-key prototype', '{"__proto__":{"role":"admin"},"username":"admin","password":"x"}', '__proto__'),
    as('login.wrong-type', jsonOf({ username: ['admin'], password: { $ne: '' } }), 'username'),
  ];
}

export function concretePath(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'missing');
}
