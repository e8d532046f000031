// POST /api/listings/:id/views: someone opened a listing; answers the counts it now shows.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { clientIp } from './http-errors.js';

export function listingRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/:id/views', (c) =>
    c.json(c.get('services').listings.recordView(c.req.param('id'), { actor: c.get('actor'), ip: clientIp(c) })),
  );
  return app;
}
