// Public profiles and the signed-in person's photo.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requireActor } from '../middleware/require-actor.js';
import { idParamsSchema } from '@dongne/shared';
import { clientIp, parseWith } from '../http/http-errors.js';

export function profileRoutes() {
  const app = new Hono<AppEnv>();

  app.put('/me/photo', requireActor('Sign in to set a profile photo.'), async (c) => {
    const actor = c.get('actor');
    const { profiles, rateLimiter } = c.get('services');
    await rateLimiter.check('profilePhoto', { ip: clientIp(c), actorId: actor.id });
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await profiles.setPhoto(actor, bytes));
  });

  app.delete('/me/photo', requireActor('Sign in to change your profile.'), async (c) => c.json(await c.get('services').profiles.removePhoto(c.get('actor'))));

  app.get('/:id', async (c) => c.json(await c.get('services').profiles.publicProfile(parseWith(idParamsSchema, c.req.param()).id)));

  app.get('/:id/photo', async (c) => {
    const { photo, type } = await c.get('services').profiles.photo(parseWith(idParamsSchema, c.req.param()).id);
    // The URL carries the photo's version, so it can be cached for long.
    return c.body(new Uint8Array(photo), 200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' });
  });

  return app;
}
