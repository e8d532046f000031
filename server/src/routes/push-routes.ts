// Web Push for the signed-in person's devices: their settings (quiet hours, the key to subscribe
// with, whether this device is subscribed) and subscribing or unsubscribing this device.
import { Hono } from 'hono';
import { z } from 'zod/mini';
import { pushSettingsUpdateSchema, pushSubscribeSchema, pushUnsubscribeSchema } from '@dongne/shared';
import type { AppEnv } from '../app-env.js';
import { requireActor } from '../middleware/require-actor.js';
import { parseWith, readJson } from '../http/http-errors.js';
import type { CurrentSession } from '../services/session-service.js';

/** `?clientId=`: the device asking, whose subscription `subscribed` answers for. */
const deviceQuerySchema = z.object({ clientId: pushUnsubscribeSchema.shape.clientId });
const optionalDeviceQuerySchema = z.object({ clientId: z.optional(pushUnsubscribeSchema.shape.clientId) });

export function pushRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requireActor('Sign in to get notifications on this device.'));
  const current = (c: { get(key: 'session'): CurrentSession | undefined }) => c.get('session')!;

  app.get('/settings', async (c) => {
    const { clientId } = parseWith(deviceQuerySchema, c.req.query());
    return c.json(await c.get('services').push.settings(current(c), clientId));
  });

  app.put('/settings', async (c) => {
    const { clientId } = parseWith(optionalDeviceQuerySchema, c.req.query());
    const { quietHours } = await readJson(c, pushSettingsUpdateSchema);
    return c.json(await c.get('services').push.setQuietHours(current(c), quietHours, clientId));
  });

  app.put('/subscription', async (c) => c.json(await c.get('services').push.subscribe(current(c), await readJson(c, pushSubscribeSchema))));

  app.delete('/subscription', async (c) => {
    const { clientId } = await readJson(c, pushUnsubscribeSchema);
    return c.json(await c.get('services').push.unsubscribe(current(c), clientId));
  });

  return app;
}
