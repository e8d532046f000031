// Where a sign-in comes from, as the session service records it: the browser, the address, and
// the session cookie it already held (ended by the new sign-in).
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, type AppEnv } from '../app-env.js';
import type { SignInContext } from '../services/session-service.js';

export function signInContext(c: Context<AppEnv>): SignInContext {
  return { userAgent: c.req.header('user-agent'), address: c.get('clientIp'), previousToken: getCookie(c, SESSION_COOKIE) };
}
