import { Hono, type Context } from 'hono';
import { EvseCommandLogsQuery, EvseStatusLogsQuery, ExpandEvseQuery, isoInstant } from '../../../shared/api/evenergy-logs';
import { paramErrors } from '../../../shared/api/query-params';
import { stationIdOf } from '../../../shared/telemetry/evse-id';
import type { AppDeps } from '../../app-deps';
import type { AppEnv } from '../../auth/caller';
import { badRequest } from '../http-errors';
import { baseUrlOf } from '../plugshare/locations.routes';
import { pageRequest, setPageLinks } from './log-pages';
import { toEvse, toEvseCommandLog, toEvseStatusLog } from './log-serializers';
import { evEnergyAuth, ingestAnswer, notFound, readJson, requireFeed } from './evenergy-http';

const query = (c: Context) => Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v[0]]));

/** ev.energy EVSE routes: status and command logs (read by any signed-in caller), ingestion by the feed. */
export function evEnergyEvseRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>({ strict: false });
  r.use('/evses', evEnergyAuth);
  r.use('/evses/*', evEnergyAuth);
  const base = (c: Context) => baseUrlOf(c, deps.env.PUBLIC_BASE_URL);
  const repo = deps.telemetryRepo;

  /** The EVSE named in the path, or the 404 / 400 response. */
  const evseOf = (c: Context) => {
    const raw = c.req.param('evse_id') ?? '';
    const station = stationIdOf(raw);
    const info = station === null ? null : repo.evse(station);
    if (!info) return notFound(c, `No EVSE with id ${raw}`);
    return info;
  };
  const expanded = (c: Context, info: NonNullable<ReturnType<typeof repo.evse>>, expand: string | undefined) =>
    expand === 'evse' ? toEvse(base(c), info, repo.evseConnectors(info.station_id)) : null;

  // Batch ingestion for many EVSEs: each record names its EVSE.
  r.post('/evses/status_logs', requireFeed, async (c) => {
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, deps.telemetry.ingestEvseStatus(body, null));
  });
  r.post('/evses/command_logs', requireFeed, async (c) => {
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, deps.telemetry.ingestEvseCommands(body, null));
  });

  r.get('/evses/:evse_id', (c) => {
    const info = evseOf(c);
    if (info instanceof Response) return info;
    return c.json(toEvse(base(c), info, repo.evseConnectors(info.station_id)));
  });

  r.get('/evses/:evse_id/status_logs', (c) => {
    const parsed = EvseStatusLogsQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const q = parsed.data;
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const req = pageRequest('evse_status', q, { gte: q.sampled_at__gte, lte: q.sampled_at__lte, gteName: 'sampled_at__gte', lteName: 'sampled_at__lte' });
    if (Array.isArray(req)) return badRequest(c, req);
    const page = repo.evseStatusPage(info.station_id, req);
    setPageLinks(c, 'evse_status', page, req, (l) => l.sampled_at_ms);
    const evse = expanded(c, info, q.expand);
    return c.json(page.items.map((l) => toEvseStatusLog(base(c), l, evse)));
  });

  r.post('/evses/:evse_id/status_logs', requireFeed, async (c) => {
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, deps.telemetry.ingestEvseStatus(body, info.station_id));
  });

  r.get('/evses/:evse_id/status_logs/:sampled_at', (c) => {
    const parsed = ExpandEvseQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const at = isoInstant.safeParse(decodeURIComponent(c.req.param('sampled_at')));
    if (!at.success) return badRequest(c, [{ parameter: 'sampled_at', message: at.error.issues[0].message }]);
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const log = repo.evseStatusAt(info.station_id, at.data);
    if (!log) return notFound(c, `No status log of this EVSE sampled at ${c.req.param('sampled_at')}`);
    return c.json(toEvseStatusLog(base(c), log, expanded(c, info, parsed.data.expand)));
  });

  r.get('/evses/:evse_id/command_logs', (c) => {
    const parsed = EvseCommandLogsQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const q = parsed.data;
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const req = pageRequest('evse_command', q, { gte: q.logged_at__gte, lte: q.logged_at__lte, gteName: 'logged_at__gte', lteName: 'logged_at__lte' });
    if (Array.isArray(req)) return badRequest(c, req);
    const page = repo.evseCommandPage(info.station_id, req);
    setPageLinks(c, 'evse_command', page, req, (l) => l.logged_at_ms);
    const evse = expanded(c, info, q.expand);
    return c.json(page.items.map((l) => toEvseCommandLog(base(c), l, evse)));
  });

  r.post('/evses/:evse_id/command_logs', requireFeed, async (c) => {
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, deps.telemetry.ingestEvseCommands(body, info.station_id));
  });

  r.get('/evses/:evse_id/command_logs/:logged_at', (c) => {
    const parsed = ExpandEvseQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const at = isoInstant.safeParse(decodeURIComponent(c.req.param('logged_at')));
    if (!at.success) return badRequest(c, [{ parameter: 'logged_at', message: at.error.issues[0].message }]);
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const log = repo.evseCommandAt(info.station_id, at.data);
    if (!log) return notFound(c, `No command log of this EVSE logged at ${c.req.param('logged_at')}`);
    return c.json(toEvseCommandLog(base(c), log, expanded(c, info, parsed.data.expand)));
  });

  return r;
}
