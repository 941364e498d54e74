import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps } from './app-deps';
import { fastCompress } from './lib/fast-compress';
import { openApiDocument } from './openapi';
import { ocmPoiRoutes, TOTAL_COUNT_HEADER } from './routes/ocm/poi.routes';
import { ocmReferenceDataRoutes } from './routes/ocm/referencedata.routes';
import { plugshareRoutes } from './routes/plugshare/locations.routes';
import { clustersRoutes } from './routes/clusters.routes';
import { searchRoutes } from './routes/search.routes';
import { routeRoutes } from './routes/route.routes';
import { callerMiddleware, type AppEnv } from './auth/caller';
import { RATE_LIMIT_HEADERS, rateLimitMiddleware } from './auth/rate-limit';
import { leccyAccountRoutes } from './routes/leccy/account.routes';
import { leccyVehicleRoutes } from './routes/leccy/vehicles.routes';
import { leccyNetworkRoutes } from './routes/leccy/networks.routes';
import { evEnergyVehicleMakeRoutes } from './routes/evenergy/vehicle-makes.routes';
import { evEnergyEvseRoutes } from './routes/evenergy/evse-logs.routes';
import { evEnergyVehicleLogRoutes } from './routes/evenergy/vehicle-logs.routes';
import { ocmCommentRoutes } from './routes/ocm/comment.routes';
import { reviewRoutes } from './routes/plugshare/reviews.routes';

const API_PREFIXES = ['/v1', '/v2', '/v3', '/api'];

export interface AppOptions {
  /** Folder of the built SPA (vite build output); not served when absent. */
  staticDir?: string;
}

/** Builds the Hono app without listening, so tests drive it in-process. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>({ strict: false });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    // On the response's own headers: c.header() after the handler would rebuild the response from its body stream,
    // turning @hono/node-server's fast path for string bodies into a streamed one.
    c.res.headers.set('Server-Timing', `app;dur=${ms}`);
    if (deps.env.LOG_REQUESTS) console.log(`${c.req.method} ${c.req.path} ${c.res.status} ${ms} ms`);
  });
  const exposeHeaders = [TOTAL_COUNT_HEADER, 'Server-Timing', 'Link', 'EvEnergy-Version', ...RATE_LIMIT_HEADERS];
  const preflight = cors({ origin: '*', exposeHeaders, allowHeaders: ['X-API-Key', 'Authorization', 'Content-Type', 'EvEnergy-Version'] });
  for (const p of API_PREFIXES) {
    app.use(`${p}/*`, (c, next) => {
      if (c.req.method === 'OPTIONS') return preflight(c, next);
      // Other requests get the headers Hono's cors() would set, as headers prepared before the handler: cors() sets
      // them on c.res, which makes Hono rebuild the handler's response from its body stream (~10 % of a request).
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Expose-Headers', exposeHeaders.join(','));
      return next();
    });
  }
  // Dynamic API answers are compressed on the fly; the SPA's static files are precompressed at build time.
  for (const p of [...API_PREFIXES, '/openapi.json']) app.use(p === '/openapi.json' ? p : `${p}/*`, fastCompress());
  // Every API route: who is calling (JWT or API key), then the rate and monthly limits for that caller.
  const caller = callerMiddleware(deps);
  const limits = rateLimitMiddleware(deps.env, deps.usage);
  for (const p of API_PREFIXES) app.use(`${p}/*`, caller, limits);

  app.get('/health', (c) => c.json({ status: 'ok' }));
  const openApi = openApiDocument();
  app.get('/openapi.json', (c) => c.json(openApi));
  app.route('/v1', leccyAccountRoutes(deps));
  app.route('/v1', leccyVehicleRoutes(deps.vehicles));
  app.route('/v1', leccyNetworkRoutes(deps.networks));
  app.route('/v2', evEnergyVehicleMakeRoutes(deps.vehicles));
  app.route('/v2', evEnergyEvseRoutes(deps));
  app.route('/v2', evEnergyVehicleLogRoutes(deps));
  app.route('/v3', ocmCommentRoutes(deps));
  app.route('/v3', ocmPoiRoutes(deps));
  app.route('/v3', ocmReferenceDataRoutes(deps));
  app.route('/api', reviewRoutes(deps));
  app.route('/api', plugshareRoutes(deps));
  app.route('/api', clustersRoutes(deps));
  app.route('/api', searchRoutes(deps));
  app.route('/api', routeRoutes(deps.env));

  for (const p of API_PREFIXES) app.all(`${p}/*`, (c) => c.json({ status: 404, error: 'Not Found', message: `No route ${c.req.method} ${c.req.path}` }, 404));

  if (options.staticDir && fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), options.staticDir) || '.';
    app.use('/*', serveStatic({ root, precompressed: true }));
    const index = fs.readFileSync(path.join(options.staticDir, 'index.html'), 'utf8');
    // A basemap tile that was not written is open sea: an empty tile (204), which MapLibre draws as nothing without
    // logging an error. Other missing files are 404s, not the SPA.
    app.get('/basemap/tiles/*', (c) => c.body(null, 204));
    for (const dir of ['/basemap', '/assets']) app.get(`${dir}/*`, (c) => c.text('Not Found', 404));
    // Client-side routes (shared links) get the SPA.
    app.get('*', (c) => c.html(index));
  }

  app.onError((err, c) => {
    console.error(err);
    return c.json({ status: 500, error: 'Internal Server Error', message: 'The server failed to handle this request' }, 500);
  });
  return app;
}
