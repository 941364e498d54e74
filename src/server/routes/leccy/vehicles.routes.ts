import { Hono } from 'hono';
import { VehicleQuery, VehiclesQuery } from '../../../shared/api/leccy-vehicles';
import type { AppEnv } from '../../auth/caller';
import type { VehicleService } from '../../vehicles/vehicle-service';
import { parseRequest } from '../request-input';

/** Leccy /vehicles and /vehicles/{id} (GET or POST). Variants are Registered data: signed-in callers get them. */
export function leccyVehicleRoutes(vehicles: VehicleService) {
  const r = new Hono<AppEnv>();

  r.on(['GET', 'POST'], '/vehicles', async (c) => {
    const q = await parseRequest(c, VehiclesQuery, { queryStyle: true });
    if (q instanceof Response) return q;
    return c.json(vehicles.list(q, c.get('caller').level !== 'public'));
  });

  r.on(['GET', 'POST'], '/vehicles/:id', async (c) => {
    const q = await parseRequest(c, VehicleQuery, { queryStyle: true });
    if (q instanceof Response) return q;
    const v = vehicles.get(c.req.param('id'), q.distance, c.get('caller').level !== 'public');
    if (!v) return c.json({ status: 404, error: 'Not Found', message: `No vehicle with id ${c.req.param('id')}` }, 404);
    return c.json(v);
  });
  return r;
}
