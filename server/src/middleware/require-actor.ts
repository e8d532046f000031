// Routes that need someone signed in put this in front of their handler: a request without a live
// session is refused with 401 before the handler runs, and the handler sees `actor` as certain.
import { createMiddleware } from 'hono/factory';
import { ServiceError } from '../services/service-error.js';
import type { Actor } from '../services/session-service.js';

/** `message` tells the person what signing in lets them do, e.g. 'Sign in to upload photos.' */
export function requireActor(message: string) {
  return createMiddleware<{ Variables: { actor: Actor } }>(async (c, next) => {
    if (!c.get('actor')) throw new ServiceError(401, 'auth.required', message);
    await next();
  });
}
