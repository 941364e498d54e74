import type { Context } from 'hono';
import type { ParamError } from '../../shared/api/query-params';
import type { CheckinOutcome } from '../checkins/checkin-service';

/** The one shape of a 400 across all APIs: a message plus the parameters at fault. */
export function badRequest(c: Context, errors: ParamError[]) {
  const names = [...new Set(errors.map((e) => e.parameter))];
  return c.json({ status: 400, error: 'Bad Request', message: `Invalid parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, errors }, 400);
}

export const notFound = (c: Context, message: string) => c.json({ status: 404, error: 'Not Found', message }, 404);

/** A refused check-in or photo: 400 naming the parameters, or 404 / 413 / 415 / 429 (with Retry-After) and the reasons. */
export function failure(c: Context, outcome: Extract<CheckinOutcome, { ok: false }>) {
  if (outcome.retryAfter) c.header('Retry-After', String(outcome.retryAfter));
  if (outcome.status === 400) return badRequest(c, outcome.errors);
  const error = { 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests' }[outcome.status];
  return c.json({ status: outcome.status, error, message: outcome.errors.map((e) => `${e.parameter}: ${e.message}`).join('; '), errors: outcome.errors }, outcome.status);
}
