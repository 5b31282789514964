/**
 * Bad bodies, each made from the operation's valid body by one change: a field missing, one too
 * many, of the wrong type, huge, with a control character, a prototype key or an unknown id where
 * an id goes, a date that is no date; or a body that is no object at all, or nested 10,000 deep.
 * Every candidate is listed; the plan samples from them with the run's seed.
 */
import { BAD_DATES, BAD_INSTANTS, CONTROL_CHARACTERS, controlName, deepJson, HUGE_STRING, INVALID_IDS, PROTOTYPE_KEYS } from './bad-values.js';
import { fieldsOf, flavourOf, labelOf, REMOVE, withValueAt, type BodyField, type Schema } from './openapi-walker.js';
import { jsonOf, withExtraKey, type Mutation } from './fuzz-request.js';

const DEEP_PLACEHOLDER = '@@deep-json@@';

export type MutationCategory = 'missing' | 'extra' | 'wrong-type' | 'huge' | 'control' | 'proto-id' | 'invalid-id' | 'bad-date' | 'deep-json' | 'malformed';

/** Candidate bad bodies of one operation, by category. */
export function bodyMutations(body: unknown, schema: Schema | undefined): Record<MutationCategory, Mutation[]> {
  const fields = fieldsOf(body, schema);
  const strings = fields.filter((f) => typeof f.value === 'string');
  const set = (field: BodyField, value: unknown, kind: string, mustRefuse: boolean): Mutation => ({
    kind,
    target: labelOf(field.path),
    body: jsonOf(withValueAt(body, field.path, value)),
    mustRefuse,
    field: field.name,
  });
  const hasRequired = (schema?.required?.length ?? 0) > 0;
  const idFields = strings.filter((f) => flavourOf(f.name) === 'id' || (f.schema.enum?.length ?? 0) > 0);
  const dateFields = strings.filter((f) => ['date', 'instant', 'month'].includes(flavourOf(f.name)));
  return {
    missing: fields.filter((f) => f.required).map((f) => set(f, REMOVE, 'body.missing-required', true)),
    extra: ['fuzzUnknownField', ...PROTOTYPE_KEYS].map((key) => ({
      kind: PROTOTYPE_KEYS.includes(key as never) ? 'body.extra-key prototype' : 'body.extra-key unknown',
      target: key,
      body: withExtraKey(body, key, { polluted: true }),
      mustRefuse: schema !== undefined,
      field: key,
    })),
    'wrong-type': fields.flatMap((f) => wrongTypes(f.value, f.schema).map(([value, mustRefuse]) => set(f, value, `body.wrong-type ${typeName(f.value)}→${typeName(value)}`, mustRefuse && !(value === null && !f.required)))),
    huge: strings.map((f) => set(f, HUGE_STRING, 'body.huge-string 100k', false)),
    control: strings.flatMap((f) => CONTROL_CHARACTERS.map((c) => set(f, `前${c}后`, `body.control ${controlName(c)}`, c !== '\u2028'))),
    'proto-id': idFields.flatMap((f) => PROTOTYPE_KEYS.map((key) => set(f, key, 'body.prototype-key-as-id', true))),
    'invalid-id': idFields.filter((f) => flavourOf(f.name) === 'id').flatMap((f) => INVALID_IDS.map((id) => set(f, id, 'body.invalid-id', true))),
    'bad-date': dateFields.flatMap((f) => badDatesFor(f.name).map((date) => set(f, date, `body.bad-date ${date}`, true))),
    'deep-json': [
      { kind: 'body.deep-json object 10000', target: '(body)', body: deepJson(10_000, 'object'), mustRefuse: schema !== undefined },
      { kind: 'body.deep-json array 10000', target: '(body)', body: deepJson(10_000, 'array'), mustRefuse: schema !== undefined },
      ...fields.slice(0, 6).map((f) => ({
        kind: 'body.deep-json in-field 10000',
        target: labelOf(f.path),
        body: jsonOf(withValueAt(body, f.path, DEEP_PLACEHOLDER)).replace(JSON.stringify(DEEP_PLACEHOLDER), deepJson(10_000, 'object')),
        // A depth limit refuses the body as a whole, before any field is read: no field to name.
        mustRefuse: true,
      })),
    ],
    malformed: [
      { kind: 'body.malformed truncated', target: '(body)', body: '{"a":', mustRefuse: schema !== undefined },
      { kind: 'body.malformed trailing-garbage', target: '(body)', body: `${jsonOf(body ?? {})}}{`, mustRefuse: schema !== undefined },
      { kind: 'body.not-object array', target: '(body)', body: '[]', mustRefuse: hasRequired },
      { kind: 'body.not-object null', target: '(body)', body: 'null', mustRefuse: hasRequired },
      { kind: 'body.not-object string', target: '(body)', body: '"text"', mustRefuse: hasRequired },
      { kind: 'body.not-object number', target: '(body)', body: '42', mustRefuse: hasRequired },
    ],
  };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Values of other types than the field's, each with whether it must be refused. */
function wrongTypes(value: unknown, schema: Schema): [unknown, boolean][] {
  const nullable = schema.nullable === true;
  switch (typeName(value)) {
    case 'string':
      return [[12345, true], [true, true], [['a'], true], [{ a: 1 }, true], [null, !nullable]];
    case 'integer':
    case 'number':
      // Money is integer fen, counts are whole: a fraction, a string or a non-number is never right.
      return [['12', true], [1.5, true], [true, true], [[1], true], [null, !nullable], [1e308, false], [-1, false]];
    case 'boolean':
      return [['true', true], [1, true], [null, !nullable]];
    case 'array':
      return [['x', true], [{ 0: 'a' }, true], [null, !nullable], [[null], true]];
    case 'object':
      return [['x', true], [[], true], [null, !nullable], [7, true]];
    default:
      return [];
  }
}

function badDatesFor(name: string): readonly string[] {
  const flavour = flavourOf(name);
  if (flavour === 'instant') return BAD_INSTANTS;
  if (flavour === 'month') return ['0000-01', '2026-13', '2026-00', '+275760-09', '9999-12', '1', '4101'];
  return BAD_DATES;
}
