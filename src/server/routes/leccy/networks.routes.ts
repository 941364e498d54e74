import { Hono } from 'hono';
import { NetworkQuery, NetworksQuery } from '../../../shared/api/leccy-networks';
import type { AppEnv } from '../../auth/caller';
import type { NetworkService } from '../../tariffs/network-service';
import { parseRequest } from '../request-input';

const notFound = (what: string, id: string) => ({ status: 404 as const, error: 'Not Found', message: `No ${what} with id ${id}` });

/** Leccy /networks, /networks/{id} and /services/{id} (GET or POST), with Leccy's access rules. */
export function leccyNetworkRoutes(networks: NetworkService) {
  const r = new Hono<AppEnv>();
  const registered = (level: string) => level !== 'public';

  r.on(['GET', 'POST'], '/networks', async (c) => {
    const q = await parseRequest(c, NetworksQuery, { queryStyle: true });
    if (q instanceof Response) return q;
    // The list keeps Leccy's default service filter (current services) so discontinued ones do not crowd it.
    return c.json(networks.list({ registered: registered(c.get('caller').level), status: 'current' }, q));
  });

  r.on(['GET', 'POST'], '/networks/:id', async (c) => {
    const q = await parseRequest(c, NetworkQuery, { queryStyle: true });
    if (q instanceof Response) return q;
    const n = networks.get(c.req.param('id'), { registered: registered(c.get('caller').level), speeds: q.speeds, status: q.status });
    return n ? c.json(n) : c.json(notFound('network', c.req.param('id')), 404);
  });

  r.on(['GET', 'POST'], '/services/:id', (c) => {
    const s = networks.service(c.req.param('id'), { registered: registered(c.get('caller').level), status: 'all' });
    return s ? c.json(s) : c.json(notFound('service', c.req.param('id')), 404);
  });
  return r;
}
