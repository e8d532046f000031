// GET /api/search: listings in an area matching words and filters.
import { Hono } from 'hono';
import { searchRequestSchema } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { parseWith } from '../http/http-errors.js';

export function searchRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const query = parseWith(searchRequestSchema, c.req.query());
    return c.json(await c.get('services').sync.search(c.get('actor'), query));
  });
  return app;
}
