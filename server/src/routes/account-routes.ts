// The signed-in person's own account: devices (sessions) and passkeys, the password, recovery codes,
// security messages, a fresh proof before changes, and deleting the account.
import { Hono } from 'hono';
import { accountSecuritySchema, confirmPasswordSchema, passkeyVerifyRequestSchema, passwordChangeSchema } from '@dongne/shared';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { AppEnv } from '../app-env.js';
import { requireActor } from '../middleware/require-actor.js';
import { requireFreshProof } from '../middleware/require-fresh-proof.js';
import { clientIp, readJson } from '../http/http-errors.js';
import { clearSessionCookie } from '../http/session-cookie.js';
import { ServiceError } from '../services/service-error.js';
import { verifyPassword } from '../services/password.js';
import { FRESH_PROOF_MS, type CurrentSession } from '../services/session-service.js';

export function accountRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requireActor('Sign in to manage your account.'));
  const current = (c: { get(key: 'session'): CurrentSession | undefined }) => c.get('session')!;

  app.get('/security', async (c) => {
    const { account, recoveryCodes, session } = c.get('services');
    const me = current(c);
    return c.json(
      accountSecuritySchema.parse({
        hasPassword: await account.hasPassword(me),
        passkeyCount: (await account.passkeys(me)).length,
        recoveryCodesLeft: await recoveryCodes.remaining(me),
        freshUntil: session.isFresh(me) ? me.verifiedAt + FRESH_PROOF_MS : 0,
      }),
    );
  });

  app.get('/sessions', async (c) => c.json(await c.get('services').account.sessions(current(c))));

  app.delete('/sessions/:id', async (c) => {
    const id = c.req.param('id');
    if (id.length > 100) throw new ServiceError(404, 'session.not_found', 'No such session on your account.');
    const result = await c.get('services').account.endSession(current(c), id);
    if (result.current) clearSessionCookie(c);
    return c.json(result);
  });

  app.post('/sessions/end-others', async (c) => c.json(await c.get('services').account.endOtherSessions(current(c))));

  app.get('/passkeys', async (c) => c.json(await c.get('services').account.passkeys(current(c))));

  app.delete('/passkeys/:id', requireFreshProof(), async (c) => {
    await c.get('services').account.removePasskey(current(c), c.req.param('id'));
    return c.body(null, 204);
  });

  app.post('/password', async (c) => {
    const body = await readJson(c, passwordChangeSchema);
    await c.get('services').rateLimiter.check('confirm', { ip: clientIp(c), actorId: current(c).actor.id });
    await c.get('services').account.setPassword(current(c), body);
    return c.body(null, 204);
  });

  app.post('/recovery-codes', requireFreshProof(), async (c) => c.json({ codes: await c.get('services').recoveryCodes.create(current(c)) }, 201));

  app.get('/security-events', async (c) => c.json(await c.get('services').account.securityEvents(current(c))));

  // A fresh proof: the password, or one of the account's passkeys.
  app.post('/confirm', async (c) => {
    const { password } = await readJson(c, confirmPasswordSchema);
    const { rateLimiter, session, account } = c.get('services');
    const me = current(c);
    await rateLimiter.check('confirm', { ip: clientIp(c), actorId: me.actor.id });
    const hash = await account.passwordHashOf(me);
    if (!hash || !(await verifyPassword(password, hash))) throw new ServiceError(403, 'auth.wrong_password', 'That is not your password.');
    await session.markVerified(me);
    return c.body(null, 204);
  });

  app.post('/confirm/passkey/options', async (c) => {
    const { passkeys, rateLimiter, relyingParty } = c.get('services');
    await rateLimiter.check('confirm', { ip: clientIp(c), actorId: current(c).actor.id });
    return c.json(await passkeys.confirmationOptions(relyingParty(c.req.url), current(c)));
  });

  app.post('/confirm/passkey/verify', async (c) => {
    const { passkeys, relyingParty } = c.get('services');
    const { challengeId, response } = await readJson(c, passkeyVerifyRequestSchema);
    await passkeys.confirm(relyingParty(c.req.url), challengeId, response as unknown as AuthenticationResponseJSON, current(c));
    return c.body(null, 204);
  });

  app.delete('/', requireFreshProof(), async (c) => {
    await c.get('services').accountDeletion.deleteAccount(current(c));
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return app;
}
