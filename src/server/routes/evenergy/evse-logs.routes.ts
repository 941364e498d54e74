import { Hono, type Context } from 'hono';
import { EvseCommandLogsQuery, EvseStatusLogsQuery, ExpandEvseQuery } from '../../../shared/api/evenergy-logs';
import { stationIdOf } from '../../../shared/telemetry/evse-id';
import type { AppDeps } from '../../app-deps';
import type { AppEnv } from '../../auth/caller';
import type { EvseInfo } from '../../repositories/telemetry-repository';
import { notFound } from '../http-errors';
import { parseRequest } from '../request-input';
import { baseUrlOf } from '../plugshare/locations.routes';
import { answerPage, logTime } from './log-pages';
import { toEvse, toEvseCommandLog, toEvseStatusLog } from './log-serializers';
import { evEnergyAuth, ingestAnswer, readJson, requireFeed } from './evenergy-http';

/** ev.energy EVSE routes: status and command logs (read by any signed-in caller), ingestion by the feed. */
export function evEnergyEvseRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>({ strict: false });
  r.use('/evses', evEnergyAuth);
  r.use('/evses/*', evEnergyAuth);
  const base = (c: Context) => baseUrlOf(c, deps.env.PUBLIC_BASE_URL);
  const repo = deps.telemetryRepo;

  /** The EVSE named in the path, or the 404 response. */
  const evseOf = (c: Context): EvseInfo | Response => {
    const raw = c.req.param('evse_id') ?? '';
    const station = stationIdOf(raw);
    return (station === null ? null : repo.evse(station)) ?? notFound(c, `No EVSE with id ${raw}`);
  };
  const evseObject = (c: Context, info: EvseInfo) => toEvse(base(c), info, repo.evseConnectors(info.station_id));
  const expanded = (c: Context, info: EvseInfo, expand: string | undefined) => (expand === 'evse' ? evseObject(c, info) : null);

  // Batch ingestion for many EVSEs (each record names its EVSE), or for the EVSE in the path.
  const ingest = (kind: 'status' | 'command') => async (c: Context<AppEnv>) => {
    let station: number | null = null;
    if (c.req.param('evse_id') !== undefined) {
      const info = evseOf(c);
      if (info instanceof Response) return info;
      station = info.station_id;
    }
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, kind === 'status' ? deps.telemetry.ingestEvseStatus(body, station) : deps.telemetry.ingestEvseCommands(body, station));
  };
  r.post('/evses/status_logs', requireFeed, ingest('status'));
  r.post('/evses/command_logs', requireFeed, ingest('command'));
  r.post('/evses/:evse_id/status_logs', requireFeed, ingest('status'));
  r.post('/evses/:evse_id/command_logs', requireFeed, ingest('command'));

  r.get('/evses/:evse_id', (c) => {
    const info = evseOf(c);
    return info instanceof Response ? info : c.json(evseObject(c, info));
  });

  r.get('/evses/:evse_id/status_logs', async (c) => {
    const q = await parseRequest(c, EvseStatusLogsQuery);
    if (q instanceof Response) return q;
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const evse = expanded(c, info, q.expand);
    return answerPage(c, 'evse_status', 'sampled_at', q, (req) => repo.evseStatusPage(info.station_id, req), (l) => toEvseStatusLog(base(c), l, evse));
  });

  r.get('/evses/:evse_id/status_logs/:sampled_at', async (c) => {
    const q = await parseRequest(c, ExpandEvseQuery);
    if (q instanceof Response) return q;
    const at = logTime(c, 'sampled_at');
    if (at instanceof Response) return at;
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const log = repo.evseStatusAt(info.station_id, at);
    return log ? c.json(toEvseStatusLog(base(c), log, expanded(c, info, q.expand))) : notFound(c, `No status log of this EVSE sampled at ${c.req.param('sampled_at')}`);
  });

  r.get('/evses/:evse_id/command_logs', async (c) => {
    const q = await parseRequest(c, EvseCommandLogsQuery);
    if (q instanceof Response) return q;
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const evse = expanded(c, info, q.expand);
    return answerPage(c, 'evse_command', 'logged_at', q, (req) => repo.evseCommandPage(info.station_id, req), (l) => toEvseCommandLog(base(c), l, evse));
  });

  r.get('/evses/:evse_id/command_logs/:logged_at', async (c) => {
    const q = await parseRequest(c, ExpandEvseQuery);
    if (q instanceof Response) return q;
    const at = logTime(c, 'logged_at');
    if (at instanceof Response) return at;
    const info = evseOf(c);
    if (info instanceof Response) return info;
    const log = repo.evseCommandAt(info.station_id, at);
    return log ? c.json(toEvseCommandLog(base(c), log, expanded(c, info, q.expand))) : notFound(c, `No command log of this EVSE logged at ${c.req.param('logged_at')}`);
  });

  return r;
}
