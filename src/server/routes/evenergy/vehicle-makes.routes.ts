import { Hono, type MiddlewareHandler } from 'hono';
import { requireUser, type AppEnv } from '../../auth/caller';
import type { VehicleService } from '../../vehicles/vehicle-service';

/** ev.energy answers carry the API version they were produced by; this server speaks version 2. */
export const EV_ENERGY_VERSION = '2';

/** ev.energy's v2 routes need a Bearer token (here: a JWT or API key from /v1/auth) and say their version. */
export const evEnergyAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('EvEnergy-Version', EV_ENERGY_VERSION);
  const requested = c.req.header('EvEnergy-Version');
  if (requested !== undefined && requested.trim() !== EV_ENERGY_VERSION) {
    return c.json({ status: 400, error: 'Bad Request', message: `Unsupported EvEnergy-Version ${requested}; this server speaks version ${EV_ENERGY_VERSION}`, errors: [{ parameter: 'EvEnergy-Version', message: `expected ${EV_ENERGY_VERSION}` }] }, 400);
  }
  const user = requireUser(c);
  if (user instanceof Response) return user;
  await next();
};

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
