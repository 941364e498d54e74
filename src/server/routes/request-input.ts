import type { Context } from 'hono';
import type { z } from 'zod';
import { lowerCaseQuery, paramErrors } from '../../shared/api/query-params';
import { badRequest } from './http-errors';

/**
 * The parameters of a request that may arrive as a query string, a JSON body or a form (Leccy's routes take
 * "GET or POST" with the same names). Body values win over the query. A body that cannot be parsed is `null`.
 */
export async function requestInput(c: Context): Promise<Record<string, unknown> | null> {
  const input: Record<string, unknown> = { ...c.req.query() };
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return input;
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const text = await c.req.text();
      if (text.trim() === '') return input;
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
      return { ...input, ...(body as Record<string, unknown>) };
    }
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
      return { ...input, ...(await c.req.parseBody({ all: false })) };
    }
  } catch {
    return null;
  }
  return input;
}

/**
 * The request's parameters validated by a schema, or the 400 response naming what is wrong. With `queryStyle`,
 * names are matched case-insensitively and values are strings, as query-string schemas expect.
 */
export async function parseRequest<T extends z.ZodType>(c: Context, schema: T, options: { queryStyle?: boolean } = {}): Promise<z.infer<T> | Response> {
  const input = await requestInput(c);
  if (input === null) return badRequest(c, [{ parameter: 'body', message: 'expected a JSON object or form fields' }]);
  const values = options.queryStyle
    ? lowerCaseQuery(Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : v === null || v === undefined ? undefined : String(v)])))
    : input;
  const parsed = schema.safeParse(values);
  return parsed.success ? parsed.data : badRequest(c, paramErrors(parsed.error));
}
