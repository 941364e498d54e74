import { Hono } from 'hono';
import type { AppEnv } from '../../auth/caller';
import { evEnergyAuth } from './evenergy-http';
import type { VehicleService } from '../../vehicles/vehicle-service';

export function evEnergyVehicleMakeRoutes(vehicles: VehicleService) {
  const r = new Hono<AppEnv>();
  r.use('/vehicle_makes', evEnergyAuth);
  r.use('/vehicle_makes/*', evEnergyAuth);
  const base = (url: string) => new URL(url).origin;
  r.get('/vehicle_makes', (c) => c.json(vehicles.makes(base(c.req.url))));
  r.get('/vehicle_makes/:id', (c) => {
    const make = vehicles.makes(base(c.req.url)).find((m) => m.id === c.req.param('id'));
    if (!make) return c.json({ status: 404, error: 'Not Found', message: `No vehicle make with id ${c.req.param('id')}` }, 404);
    return c.json(make);
  });
  return r;
}
