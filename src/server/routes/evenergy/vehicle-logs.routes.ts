import { Hono, type Context } from 'hono';
import { CreateVehicleBody, ExpandVehicleQuery, isoInstant, VehicleStatusLogsQuery } from '../../../shared/api/evenergy-logs';
import { paramErrors } from '../../../shared/api/query-params';
import type { AppDeps } from '../../app-deps';
import type { AppEnv } from '../../auth/caller';
import type { UserVehicleRow } from '../../repositories/telemetry-repository';
import { badRequest } from '../http-errors';
import { baseUrlOf } from '../plugshare/locations.routes';
import { evEnergyAuth, ingestAnswer, notFound, readJson } from './evenergy-http';
import { pageRequest, setPageLinks } from './log-pages';
import { toUserVehicle, toVehicleStatusLog } from './log-serializers';

const query = (c: Context) => Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v[0]]));

/**
 * ev.energy vehicle routes for a driver's own vehicles: create one (extension), post its telematics (extension),
 * read its status logs. Another user's vehicle is "not found", so ids are not disclosed.
 */
export function evEnergyVehicleLogRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>({ strict: false });
  r.use('/vehicles', evEnergyAuth);
  r.use('/vehicles/*', evEnergyAuth);
  const base = (c: Context) => baseUrlOf(c, deps.env.PUBLIC_BASE_URL);
  const repo = deps.telemetryRepo;

  const ownVehicle = (c: Context<AppEnv>): UserVehicleRow | Response => {
    const userId = c.get('caller').userId;
    const id = c.req.param('vehicle_id') ?? '';
    const v = userId === null ? null : deps.telemetry.ownVehicle(userId, id);
    return v ?? notFound(c, `No vehicle with id ${id} on this account`);
  };
  const signedIn = (c: Context<AppEnv>) => {
    const userId = c.get('caller').userId;
    return userId ?? c.json({ status: 403, error: 'Forbidden', message: 'Vehicles belong to a signed-in user' }, 403);
  };

  r.get('/vehicles', (c) => {
    const userId = signedIn(c);
    if (userId instanceof Response) return userId;
    return c.json(repo.vehiclesOf(userId).map((v) => toUserVehicle(base(c), v)));
  });

  r.post('/vehicles', async (c) => {
    const userId = signedIn(c);
    if (userId instanceof Response) return userId;
    // The body is optional: an empty one names no vehicle.
    const body = (await c.req.raw.clone().text()).trim() === '' ? {} : await readJson(c);
    if (body instanceof Response) return body;
    const parsed = CreateVehicleBody.safeParse(body);
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const v = deps.telemetry.createVehicle(userId, parsed.data.name ?? null);
    return c.json(toUserVehicle(base(c), v), 201);
  });

  r.get('/vehicles/:vehicle_id', (c) => {
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    return c.json(toUserVehicle(base(c), v));
  });

  r.get('/vehicles/:vehicle_id/status_logs', (c) => {
    const parsed = VehicleStatusLogsQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const q = parsed.data;
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    const req = pageRequest('vehicle_status', q, { gte: q.sampled_at__gte, lte: q.sampled_at__lte, gteName: 'sampled_at__gte', lteName: 'sampled_at__lte' });
    if (Array.isArray(req)) return badRequest(c, req);
    const page = repo.vehicleStatusPage(v.id, req);
    setPageLinks(c, 'vehicle_status', page, req, (l) => l.sampled_at_ms);
    const vehicle = q.expand === 'vehicle' ? toUserVehicle(base(c), v) : null;
    return c.json(page.items.map((l) => toVehicleStatusLog(base(c), l, vehicle)));
  });

  r.post('/vehicles/:vehicle_id/status_logs', async (c) => {
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, deps.telemetry.ingestVehicleStatus(body, v.id));
  });

  r.get('/vehicles/:vehicle_id/status_logs/:sampled_at', (c) => {
    const parsed = ExpandVehicleQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const at = isoInstant.safeParse(decodeURIComponent(c.req.param('sampled_at')));
    if (!at.success) return badRequest(c, [{ parameter: 'sampled_at', message: at.error.issues[0].message }]);
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    const log = repo.vehicleStatusAt(v.id, at.data);
    if (!log) return notFound(c, `No status log of this vehicle sampled at ${c.req.param('sampled_at')}`);
    return c.json(toVehicleStatusLog(base(c), log, parsed.data.expand === 'vehicle' ? toUserVehicle(base(c), v) : null));
  });

  return r;
}
