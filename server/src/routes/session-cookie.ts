// The session cookie: httpOnly, SameSite=Lax, Secure over HTTPS, and expiring with the session.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../app-env.js';

function isHttps(c: Context) {
  return new URL(c.req.url).protocol === 'https:';
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
