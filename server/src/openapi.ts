import { z } from 'zod';
import { ApiErrorSchema, ENDPOINTS, PROTOCOL_VERSION, type EndpointSpec } from '../../lib/sync/protocol';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });
const json = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) } });

/** The OpenAPI document, generated from the protocol's endpoint map so it cannot drift from the code. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, spec] of Object.entries(ENDPOINTS) as [string, EndpointSpec][]) {
    const responses: Record<string, unknown> = {
      [spec.status ?? 200]: spec.response
        ? { description: 'OK', content: json(spec.response) }
        : { description: 'Done' },
      default: { description: 'Error', content: json(ApiErrorSchema) },
    };
    const parameters: unknown[] = [];
    if (spec.path.includes('{id}'))
      parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
    if (spec.query) {
      const props = (schema(spec.query) as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, s] of Object.entries(props)) parameters.push({ name, in: 'query', schema: s });
    }
    (paths[spec.path] ??= {})[spec.method] = {
      operationId: id,
      summary: spec.summary,
      ...(spec.auth === 'none' ? { security: [] } : { 'x-min-role': spec.auth }),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: json(spec.body) } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Commonplace community endpoint', version: String(PROTOCOL_VERSION) },
    components: { securitySchemes: { member: { type: 'http', scheme: 'bearer' } } },
    security: [{ member: [] }],
    paths,
  };
}
