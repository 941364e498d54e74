import { Hono, type Context } from 'hono';
import { EvseCommandLogsQuery, EvseStatusLogsQuery, ExpandEvseQuery, type Evse } from '../../../shared/api/evenergy-logs';
import { stationIdOf } from '../../../shared/telemetry/evse-id';
import type { AppDeps } from '../../app-deps';
import type { AppEnv } from '../../auth/caller';
import type { EvseInfo, Page, PageRequest } from '../../repositories/telemetry-repository';
import { notFound } from '../http-errors';
import { parseRequest } from '../request-input';
import { baseUrlOf } from '../plugshare/locations.routes';
import { answerPage, logTime, type CursorKind, type TimeField } from './log-pages';
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

  /** A list of the path's EVSE's logs, newest first, in pages; `expand=evse` embeds the EVSE in each. */
  const logList =
    <L>(kind: CursorKind, field: TimeField, query: typeof EvseStatusLogsQuery | typeof EvseCommandLogsQuery, load: (station: number, req: PageRequest) => Page<L>, serialize: (base: string, log: L, evse: Evse | null) => unknown) =>
    async (c: Context) => {
      const q = await parseRequest(c, query);
      if (q instanceof Response) return q;
      const info = evseOf(c);
      if (info instanceof Response) return info;
      const evse = expanded(c, info, q.expand);
      return answerPage(c, kind, field, q, (req) => load(info.station_id, req), (l) => serialize(base(c), l, evse));
    };
  /** One log of the path's EVSE, by its time in the path. */
  const oneLog =
    <L>(field: TimeField, find: (station: number, at: number) => L | null, serialize: (base: string, log: L, evse: Evse | null) => unknown, what: string) =>
    async (c: Context) => {
      const q = await parseRequest(c, ExpandEvseQuery);
      if (q instanceof Response) return q;
      const at = logTime(c, field);
      if (at instanceof Response) return at;
      const info = evseOf(c);
      if (info instanceof Response) return info;
      const log = find(info.station_id, at);
      return log ? c.json(serialize(base(c), log, expanded(c, info, q.expand))) : notFound(c, `No ${what} ${c.req.param(field)}`);
    };

  r.get('/evses/:evse_id/status_logs', logList('evse_status', 'sampled_at', EvseStatusLogsQuery, (s, req) => repo.evseStatusPage(s, req), toEvseStatusLog));
  r.get('/evses/:evse_id/status_logs/:sampled_at', oneLog('sampled_at', (s, at) => repo.evseStatusAt(s, at), toEvseStatusLog, 'status log of this EVSE sampled at'));
  r.get('/evses/:evse_id/command_logs', logList('evse_command', 'logged_at', EvseCommandLogsQuery, (s, req) => repo.evseCommandPage(s, req), toEvseCommandLog));
  r.get('/evses/:evse_id/command_logs/:logged_at', oneLog('logged_at', (s, at) => repo.evseCommandAt(s, at), toEvseCommandLog, 'command log of this EVSE logged at'));

  return r;
}
