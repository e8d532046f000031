// GET /api/listings/:id: one listing as the asker may see it (a shared link on a first visit).
// POST /api/listings/:id/views: someone opened a listing; answers the counts it now shows.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { idParamsSchema } from '@dongne/shared';
import { clientIp, parseWith } from '../http/http-errors.js';

export function listingRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/:id', async (c) => {
    const { id } = parseWith(idParamsSchema, c.req.param());
    // What it shows depends on who asks (their blocks, their own hidden listings).
    c.header('cache-control', 'private, no-store');
    return c.json(await c.get('services').listings.visibleListing(id, c.get('actor')));
  });
  app.post('/:id/views', async (c) => {
    const { listings, rateLimiter } = c.get('services');
    const actor = c.get('actor');
    await rateLimiter.check('view', { ip: clientIp(c), actorId: actor?.id });
    const { id } = parseWith(idParamsSchema, c.req.param());
    return c.json(await listings.recordView(id, { actor, ip: clientIp(c) }));
  });
  return app;
}
