// Changes to an account (a passkey added or removed, recovery codes, deletion) need more than a
// cookie: the person proved who they are on this session within the last five minutes (signing in,
// or POST /api/account/confirm). A stolen cookie alone cannot make itself permanent.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { ServiceError } from '../services/service-error.js';
import { proofNeeded } from '../services/session-service.js';

export function requireFreshProof() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = c.get('session');
    if (!session) throw new ServiceError(401, 'auth.required', 'Sign in to change your account.');
    if (!c.get('services').session.isFresh(session)) throw proofNeeded();
    await next();
  });
}
