// The sync endpoints: parse, call the sync service, shape the response.
import { Hono } from 'hono';
import { pullQuerySchema } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { compiledPushRequest } from '../services/compiled-schemas.js';
import { requireActor } from '../middleware/require-actor.js';
import { clientIp, parseWith, readJson } from '../http/http-errors.js';
import { sendAreaSnapshot } from '../http/area-snapshot-response.js';

export function syncRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/push', requireActor('Sign in to send your changes.'), async (c) => {
    const actor = c.get('actor');
    await c.get('services').rateLimiter.check('push', { ip: clientIp(c), actorId: actor.id });
    const request = await readJson(c, compiledPushRequest);
    return c.json(await c.get('services').sync.push(actor, request));
  });

  app.get('/pull', async (c) => {
    const query = parseWith(pullQuerySchema, c.req.query());
    const actor = c.get('actor');
    // A visitor's first pull of an area is everyone's: sent from the area's snapshot.
    if (!actor && query.cursor === 0) return sendAreaSnapshot(c, await c.get('services').sync.firstPull(query));
    return c.json(await c.get('services').sync.pull(actor, query));
  });

  return app;
}
