/**
 * Reads the running system's OpenAPI document: every operation with its path, query and body
 * shapes, a valid example body built from the schema, and the fields of a body to mutate.
 */

export interface Schema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly nullable?: boolean;
  readonly $ref?: string;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, RawOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

interface RawOperation {
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: Schema }[];
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface ApiParameter {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

export interface ApiOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as the document names it, e.g. `/api/complaints/{id}/assign`. */
  readonly template: string;
  readonly pathParams: readonly ApiParameter[];
  readonly queryParams: readonly ApiParameter[];
  /** The request body's schema with every `$ref` resolved. */
  readonly body?: Schema;
  /** Anything but GET changes state: the events check and the command headers apply. */
  readonly command: boolean;
  /** The body is `multipart/form-data` (file uploads): its mutations are whole forms (upload-mutations.ts). */
  readonly multipart?: boolean;
}

/** Every operation of the document, in the document's order (deterministic). */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, raw]): ApiOperation => {
      const parameters = raw.parameters ?? [];
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      const upper = method.toUpperCase() as ApiOperation['method'];
      return {
        method: upper,
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, required: true, schema: p.schema ?? { type: 'string' } })),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? { type: 'string' } })),
        body: bodySchema ? resolveSchema(bodySchema, document) : undefined,
        command: upper !== 'GET',
        ...(raw.requestBody?.content?.['multipart/form-data'] ? { multipart: true } : {}),
      };
    }),
  );
}

/** The schema with every `$ref` replaced by what it points to. */
export function resolveSchema(schema: Schema, document: OpenApiDocument, depth = 0): Schema {
  if (depth > 20) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(document.components?.schemas?.[name] ?? {}, document, depth + 1);
  }
  return {
    ...schema,
    ...(schema.properties ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(v, document, depth + 1)])) } : {}),
    ...(schema.items ? { items: resolveSchema(schema.items, document, depth + 1) } : {}),
  };
}

/** What a field's name says it holds, when the document says only "string". */
export type FieldFlavour = 'date' | 'instant' | 'month' | 'id' | 'text';

export function flavourOf(name: string): FieldFlavour {
  if (/^(startsAt|endsAt|receivedAt|at)$/.test(name)) return 'instant';
  if (/^month$/.test(name)) return 'month';
  // Who did something (走访人), not by when.
  if (/^visitedBy$/.test(name)) return 'text';
  if (/(On|From|Until|By)$|^(from|to|asOf|date)$/.test(name)) return 'date';
  if (/(^id$|Id$|Ids$)/.test(name)) return 'id';
  return 'text';
}

/** Values a field must take for a request to be valid, by its name, before the schema's own example. */
export type Hints = (name: string, schema: Schema) => unknown;

/**
 * A valid example of the schema: required fields, plus optional ones the document gives an example
 * or choices for. Dates, ids and codes come from `hints`; the rest from the schema or its type.
 */
export function exampleOf(schema: Schema, name: string, hints: Hints): unknown {
  const hinted = hints(name, schema);
  if (hinted !== undefined) return hinted;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  switch (schema.type) {
    case 'object': {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {}).filter(([key, property]) => required.has(key) || property.example !== undefined || property.enum?.length);
      return Object.fromEntries(entries.map(([key, property]) => [key, exampleOf(property, key, hints)]));
    }
    case 'array':
      return [exampleOf(schema.items ?? { type: 'string' }, name, hints)];
    case 'number':
    case 'integer':
      return 1000;
    case 'boolean':
      return true;
    default:
      return '模糊测试';
  }
}

/** One place in a body: its path from the root, the name of its key and what the schema says of it. */
export interface BodyField {
  readonly path: readonly (string | number)[];
  readonly name: string;
  readonly schema: Schema;
  readonly required: boolean;
  readonly value: unknown;
}

/** Every field of an example body, nested ones included, walked with its schema. */
export function fieldsOf(body: unknown, schema: Schema | undefined, path: readonly (string | number)[] = []): BodyField[] {
  if (Array.isArray(body)) return body.flatMap((item, index) => fieldsOf(item, schema?.items, [...path, index]));
  if (!body || typeof body !== 'object') return [];
  const required = new Set(schema?.required ?? []);
  return Object.entries(body).flatMap(([key, value]) => {
    const property = schema?.properties?.[key] ?? {};
    const field: BodyField = { path: [...path, key], name: key, schema: property, required: required.has(key), value };
    return [field, ...fieldsOf(value, property, [...path, key])];
  });
}

/** `allocations.0.claimantId` */
export function labelOf(path: readonly (string | number)[]): string {
  return path.join('.') || '(body)';
}

/** A copy of `body` with the value at `path` replaced, or removed when `value` is `REMOVE`. */
export const REMOVE = Symbol('remove');
export function withValueAt(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(body) ? [...body] : { ...(body as object) };
  if (rest.length === 0 && value === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
  } else {
    copy[head as string] = withValueAt(copy[head as string], rest, value);
  }
  return copy;
}
