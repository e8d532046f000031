// GET /api/businesses/:id/stats: a business's dashboard, for its owner alone.
import { Hono } from 'hono';
import { idParamsSchema } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { parseWith } from '../http/http-errors.js';
import { requireActor } from '../middleware/require-actor.js';

export function businessRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/:id/stats', requireActor("Sign in to see your business's figures."), async (c) => {
    const { id } = parseWith(idParamsSchema, c.req.param());
    c.header('cache-control', 'private, no-store');
    return c.json(await c.get('services').businessStats.of(c.get('actor'), id));
  });
  return app;
}
