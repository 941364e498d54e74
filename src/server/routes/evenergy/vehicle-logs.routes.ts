import { Hono, type Context } from 'hono';
import { CreateVehicleBody, ExpandVehicleQuery, VehicleStatusLogsQuery } from '../../../shared/api/evenergy-logs';
import type { AppDeps } from '../../app-deps';
import type { AppEnv } from '../../auth/caller';
import type { UserVehicleRow } from '../../repositories/telemetry-repository';
import { notFound } from '../http-errors';
import { parseRequest } from '../request-input';
import { baseUrlOf } from '../plugshare/locations.routes';
import { evEnergyAuth, ingestAnswer, readJson } from './evenergy-http';
import { answerPage, logTime } from './log-pages';
import { toUserVehicle, toVehicleStatusLog } from './log-serializers';

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
    const body = await parseRequest(c, CreateVehicleBody);
    if (body instanceof Response) return body;
    const v = deps.telemetry.createVehicle(userId, body.name ?? null);
    return c.json(toUserVehicle(base(c), v), 201);
  });

  r.get('/vehicles/:vehicle_id', (c) => {
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    return c.json(toUserVehicle(base(c), v));
  });

  r.get('/vehicles/:vehicle_id/status_logs', async (c) => {
    const q = await parseRequest(c, VehicleStatusLogsQuery);
    if (q instanceof Response) return q;
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    const vehicle = q.expand === 'vehicle' ? toUserVehicle(base(c), v) : null;
    return answerPage(c, 'vehicle_status', 'sampled_at', q, (req) => repo.vehicleStatusPage(v.id, req), (l) => toVehicleStatusLog(base(c), l, vehicle));
  });

  r.post('/vehicles/:vehicle_id/status_logs', async (c) => {
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    const body = await readJson(c);
    if (body instanceof Response) return body;
    return ingestAnswer(c, deps.telemetry.ingestVehicleStatus(body, v.id));
  });

  r.get('/vehicles/:vehicle_id/status_logs/:sampled_at', async (c) => {
    const q = await parseRequest(c, ExpandVehicleQuery);
    if (q instanceof Response) return q;
    const at = logTime(c, 'sampled_at');
    if (at instanceof Response) return at;
    const v = ownVehicle(c);
    if (v instanceof Response) return v;
    const log = repo.vehicleStatusAt(v.id, at);
    return log
      ? c.json(toVehicleStatusLog(base(c), log, q.expand === 'vehicle' ? toUserVehicle(base(c), v) : null))
      : notFound(c, `No status log of this vehicle sampled at ${c.req.param('sampled_at')}`);
  });

  return r;
}
