import type { Context, MiddlewareHandler } from 'hono';
import { unauthorized, type AppEnv } from '../../auth/caller';
import type { IngestResult } from '../../telemetry/telemetry-service';
import { badRequest } from '../http-errors';

/** ev.energy answers carry the API version they were produced by; this server speaks version 2. */
export const EV_ENERGY_VERSION = '2';


/**
 * ev.energy's v2 routes need a Bearer token (a JWT or API key from /v1/auth, or the feed token) and say their
 * version; another requested version is a 400.
 */
export const evEnergyAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('EvEnergy-Version', EV_ENERGY_VERSION);
  const requested = c.req.header('EvEnergy-Version');
  if (requested !== undefined && requested.trim() !== EV_ENERGY_VERSION) {
    return c.json({ status: 400, error: 'Bad Request', message: `Unsupported EvEnergy-Version ${requested}; this server speaks version ${EV_ENERGY_VERSION}`, errors: [{ parameter: 'EvEnergy-Version', message: `expected ${EV_ENERGY_VERSION}` }] }, 400);
  }
  const caller = c.get('caller');
  if (caller.userId === null && !caller.feed) return unauthorized(c, 'Sign in (Authorization: Bearer <token>) or send an API key');
  await next();
};

/** EVSE logs are written by the telemetry feed only (the feed token), so drivers cannot fake availability. */
export const requireFeed: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('caller').feed) return c.json({ status: 403, error: 'Forbidden', message: 'EVSE logs are posted with the feed token (FEED_TOKEN)' }, 403);
  await next();
};

/** A JSON request body, or the 400 that says it is not one. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) return badRequest(c, [{ parameter: 'Content-Type', message: 'expected application/json' }]);
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return badRequest(c, [{ parameter: 'body', message: 'not valid JSON' }]);
  }
}

/** A batch's report: 200 when something was kept, 400 when every record was refused (or the batch itself was bad). */
export function ingestAnswer(c: Context, result: IngestResult) {
  if (!result.ok) return badRequest(c, result.errors);
  return c.json(result.report, result.report.rejected.length === result.report.received ? 400 : 200);
}
