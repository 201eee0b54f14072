import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiHttpError } from './errors';

/** Deeper JSON than any valid request: refused before parsing, so no parser or validator recurses on it. */
const MAX_JSON_DEPTH = 32;

/** Reads a JSON body: right content type, bounded nesting, then the strict schema. Throws 4xx otherwise. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type.trim())) {
    throw new ApiHttpError(415, 'unsupported_media_type', 'Send Content-Type: application/json');
  }
  const text = await c.req.text();
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new ApiHttpError(400, 'bad_request', 'JSON nested too deeply');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiHttpError(400, 'bad_request', 'Body is not valid JSON');
  }
  return check(schema, value);
}

/** Validates query parameters (each given once) against a strict schema. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const single: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    if (values.length !== 1) throw new ApiHttpError(400, 'bad_request', `Give ${key} once`);
    single[key] = values[0]!;
  }
  return check(schema, single);
}

export function check<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  throw new ApiHttpError(400, 'bad_request', `Invalid request: ${detail}`);
}

/** Maximum bracket nesting outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped char
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) max = Math.max(max, ++depth);
    else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}
