import type { MatrixWorld } from './permissionMatrixWorld.ts';

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
}

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** The OpenAPI operation of a route, found by its Fastify path ("/api/units/:id" → "/api/units/{id}"). */
export function operationOf(doc: unknown, method: string, url: string): Operation | undefined {
  const path = url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  return (doc as { paths?: Record<string, Record<string, Operation>> }).paths?.[path]?.[method.toLowerCase()];
}

/** Fills every path parameter (and a wildcard) with one value. */
export const fillPath = (url: string, value: string) => url.replace(/:[A-Za-z0-9_]+/g, encodeURIComponent(value)).replace('*', 'x');

/**
 * A smallest body that passes a route's JSON schema, with ids pointing at the actor's home unit,
 * so that a write aimed at an out-of-scope record in the path reaches the handler's own checks
 * instead of stopping at validation. Schemas it cannot satisfy just produce a 4xx.
 */
export function exampleBody(schema: JsonSchema | undefined, w: MatrixWorld): unknown {
  if (!schema) return undefined;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return exampleBody(alt.find((s) => s.type !== 'null') ?? alt[0], w);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const keys = schema.required?.length ? schema.required : Object.keys(props).slice(0, 1);
      return Object.fromEntries(keys.map((k) => [k, exampleBody(props[k], w)]));
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => exampleBody(schema.items, w));
    case 'string':
      if (schema.format === 'uuid') return w.home.id;
      if (schema.format === 'email') return 'matrix.body@example.org';
      if (schema.format === 'date') return '2026-01-01';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      return 'x'.repeat(Math.max(schema.minLength ?? 0, 2));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}
