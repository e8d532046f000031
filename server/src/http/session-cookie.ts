// The session cookie: httpOnly, SameSite=Lax, Secure over HTTPS, and expiring with the session.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../app-env.js';

/**
 * HTTPS as people reach the site: the configured public origin (behind a TLS proxy the request
 * itself arrives as plain HTTP), else the request's own scheme.
 */
function isHttps(c: Context) {
  const services = (c as Context<AppEnv>).get('services');
  const origin = services ? services.relyingParty(c.req.url).origin : c.req.url;
  return origin.startsWith('https:');
}

/** Sets (or renews) the cookie; the browser keeps it exactly as long as the server keeps the session. */
export function setSessionCookie(c: Context, session: { token: string; expiresAt: number }) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}
