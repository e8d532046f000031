// Finding neighbourhoods: by name, by position, and one with its neighbour sets.
import { Hono } from 'hono';
import { idParamsSchema, locateQuerySchema, searchQuerySchema, type LocateResponse, type NeighbourhoodDetail } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { ServiceError } from '../services/service-error.js';
import { toNeighbourhood } from '../store/contract/neighbourhoods.js';
import { parseWith } from '../http/http-errors.js';

const SEARCH_LIMIT = 20;

export function neighbourhoodRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const { q } = parseWith(searchQuerySchema, c.req.query());
    const rows = await c.get('services').neighbourhoods.search(q, SEARCH_LIMIT);
    return c.json({ neighbourhoods: rows.map(toNeighbourhood) });
  });

  app.get('/locate', async (c) => {
    const point = parseWith(locateQuerySchema, c.req.query());
    const found = await c.get('services').neighbourhoods.locate(point);
    if (!found) throw new ServiceError(404, 'neighbourhood.none_nearby', 'Dongne has no neighbourhood near this location yet.');
    const body: LocateResponse = { neighbourhood: toNeighbourhood(found.neighbourhood), contains: found.contains, distanceM: Math.round(found.distanceM) };
    return c.json(body);
  });

  app.get('/:id', async (c) => {
    const { id } = parseWith(idParamsSchema, c.req.param());
    const { neighbourhoods } = c.get('services');
    const row = await neighbourhoods.byId(id);
    if (!row) throw new ServiceError(404, 'neighbourhood.unknown', `No neighbourhood with id "${id.slice(0, 100)}".`);
    const body: NeighbourhoodDetail = {
      ...toNeighbourhood(row),
      // By the row's id: a retired id answers with the dong that replaced it, under the dong's id.
      neighbours: await neighbourhoods.neighbourSets(row.id),
      radiusM: row.radiusM,
      polygons: row.boundary === null ? null : JSON.parse(row.boundary),
    };
    return c.json(body);
  });

  return app;
}
