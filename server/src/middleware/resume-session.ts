// Who is behind an API request: the account whose session the cookie names, set as `actor` for the
// routes (undefined without a live session). A session in use is extended, and its cookie with it.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, type AppEnv } from '../app-env.js';
import { setSessionCookie } from '../http/session-cookie.js';

export function resumeSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await c.get('services').session.resume(token);
    c.set('actor', session?.actor);
    c.set('session', session?.session);
    // The server extended the session: the browser's cookie must not expire before it does.
    if (session?.renewedUntil) setSessionCookie(c, { token: token!, expiresAt: session.renewedUntil });
    await next();
  };
}
