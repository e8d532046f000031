// GET /api/board/search: board posts in an area matching words (and a topic).
import { Hono } from 'hono';
import { boardSearchRequestSchema } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { parseWith } from '../http/http-errors.js';

export function boardRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/search', async (c) => {
    const query = parseWith(boardSearchRequestSchema, c.req.query());
    return c.json(await c.get('services').board.search(c.get('actor'), query));
  });
  return app;
}
