import { Hono } from 'hono';
import { SearchQuerySchema } from '../../shared/api/search-query';
import { paramErrors } from '../../shared/api/query-params';
import type { AppDeps } from '../app-deps';
import { PlaceSearch } from '../repositories/place-search';
import { badRequest } from './http-errors';

/** `/api/search?q=`: places (cities, towns in the data) and locations by name or id, for the map's search box. */
export function searchRoutes(deps: AppDeps) {
  const app = new Hono({ strict: false });
  const places = new PlaceSearch(deps.db);
  app.get('/search', (c) => {
    const parsed = SearchQuerySchema.safeParse({ q: c.req.query('q') ?? '', limit: c.req.query('limit') });
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    return c.json(places.search(parsed.data.q, parsed.data.limit));
  });
  return app;
}
