// POST /api/session: hands this device an identity (anonymous until accounts exist).
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../app-env.js';

export function sessionRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const actor = c.get('actor');
    if (!actor) return c.json({ error: { code: 'auth.required', message: 'This device has no identity yet.' } }, 401);
    return c.json(c.get('services').session.toSession(actor));
  });

  app.post('/', (c) => {
    const { session } = c.get('services');
    const existing = c.get('actor');
    if (existing) return c.json(session.toSession(existing));
    const { actor, token } = session.startAnonymous();
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/',
      maxAge: 60 * 60 * 24 * 400,
    });
    return c.json(session.toSession(actor), 201);
  });

  return app;
}
