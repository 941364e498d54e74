import type { Context } from 'hono';
import type { ParamError } from '../../shared/api/query-params';

/** The one shape of a 400 across all APIs: a message plus the parameters at fault. */
export function badRequest(c: Context, errors: ParamError[]) {
  const names = [...new Set(errors.map((e) => e.parameter))];
  return c.json({ status: 400, error: 'Bad Request', message: `Invalid parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, errors }, 400);
}
