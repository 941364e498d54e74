import { Hono } from 'hono';
import { RouteQuery } from '../../shared/api/route';
import type { AppEnv } from '../auth/caller';
import type { Env } from '../env';
import { routeThrough } from '../routing/road-router';
import { parseRequest } from './request-input';

/** /api/route (GET or POST): the line the corridor search and the planner follow. */
export function routeRoutes(env: Env, fetchImpl?: typeof fetch) {
  const r = new Hono<AppEnv>();
  r.on(['GET', 'POST'], '/route', async (c) => {
    const q = await parseRequest(c, RouteQuery, { queryStyle: true });
    if (q instanceof Response) return q;
    return c.json(await routeThrough(q.waypoints, { url: env.OSRM_URL, profile: env.OSRM_PROFILE, timeoutMs: env.OSRM_TIMEOUT_MS, fetch: fetchImpl }));
  });
  return r;
}
