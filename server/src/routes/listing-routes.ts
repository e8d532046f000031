// POST /api/listings/:id/views: someone opened a listing; answers the counts it now shows.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { clientIp } from '../http/http-errors.js';

export function listingRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/:id/views', async (c) => {
    const { listings, rateLimiter } = c.get('services');
    const actor = c.get('actor');
    await rateLimiter.check('view', { ip: clientIp(c), actorId: actor?.id });
    return c.json(await listings.recordView(c.req.param('id'), { actor, ip: clientIp(c) }));
  });
  return app;
}
