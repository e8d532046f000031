// Sign up, sign in (password, passkey or recovery code), sign out, and who is signed in. Sessions
// ride in an httpOnly cookie; a sign-in ends the session the browser held before.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  credentialsSchema,
  passkeyRegistrationRequestSchema,
  passkeyVerifyRequestSchema,
  recoverRequestSchema,
  signInCredentialsSchema,
} from '@dongne/shared';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { SESSION_COOKIE, type AppEnv } from '../app-env.js';
import { requireActor } from '../middleware/require-actor.js';
import { ServiceError } from '../services/service-error.js';
import { clientIp, readJson } from '../http/http-errors.js';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.js';
import { signInContext } from '../http/sign-in-context.js';

export function authRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/session', requireActor('You are not signed in.'), (c) => c.json(c.get('services').session.toAccount(c.get('actor'))));

  app.post('/signup', async (c) => {
    const { session, rateLimiter } = c.get('services');
    await rateLimiter.check('signUp', { ip: clientIp(c) });
    const credentials = await readJson(c, credentialsSchema);
    const started = await session.signUp(credentials, signInContext(c));
    setSessionCookie(c, started);
    return c.json(started.account, 201);
  });

  app.post('/signin', async (c) => {
    const credentials = await readJson(c, signInCredentialsSchema);
    const started = await c.get('services').passwordSignIn.signIn(credentials, clientIp(c), signInContext(c));
    setSessionCookie(c, started);
    return c.json(started.account);
  });

  app.post('/recover', async (c) => {
    const request = await readJson(c, recoverRequestSchema);
    const started = await c.get('services').recoveryCodes.recover(request, signInContext(c));
    setSessionCookie(c, started);
    return c.json({ ...started.account, remainingCodes: started.remainingCodes });
  });

  app.post('/passkey/register/options', async (c) => {
    const { passkeys, rateLimiter, relyingParty } = c.get('services');
    const { nickname } = await readJson(c, passkeyRegistrationRequestSchema);
    const session = c.get('session');
    // No nickname: a passkey for the signed-in account, which needs a session like any change to it.
    if (!nickname && !session) throw new ServiceError(401, 'auth.required', 'Sign in to add a passkey to your account.');
    if (nickname) await rateLimiter.check('signUp', { ip: clientIp(c) });
    else await rateLimiter.check('passkeyRegister', { ip: clientIp(c), actorId: session!.actor.id });
    return c.json(await passkeys.registrationOptions(relyingParty(c.req.url), nickname ? { nickname } : { session: session! }));
  });

  app.post('/passkey/register/verify', async (c) => {
    const { passkeys, relyingParty } = c.get('services');
    const { challengeId, response } = await readJson(c, passkeyVerifyRequestSchema);
    const { account, started } = await passkeys.register(
      relyingParty(c.req.url),
      challengeId,
      response as unknown as RegistrationResponseJSON,
      c.get('session'),
      signInContext(c),
    );
    if (started) setSessionCookie(c, started);
    return c.json(account, 201);
  });

  app.post('/passkey/signin/options', async (c) => {
    const { passkeys, rateLimiter, relyingParty } = c.get('services');
    await rateLimiter.check('signIn', { ip: clientIp(c) });
    return c.json(await passkeys.authenticationOptions(relyingParty(c.req.url)));
  });

  app.post('/passkey/signin/verify', async (c) => {
    const { passkeys, relyingParty } = c.get('services');
    const { challengeId, response } = await readJson(c, passkeyVerifyRequestSchema);
    const started = await passkeys.authenticate(relyingParty(c.req.url), challengeId, response as unknown as AuthenticationResponseJSON, signInContext(c));
    setSessionCookie(c, started);
    return c.json(started.account);
  });

  app.post('/signout', async (c) => {
    await c.get('services').session.signOut(getCookie(c, SESSION_COOKIE));
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return app;
}
