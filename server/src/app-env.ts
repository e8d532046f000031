// The per-request context every route sees: the services and the actor behind the request.
import type { Actor, SessionService } from './services/session-service.js';
import type { SyncService } from './services/sync-service.js';
import type { NeighbourhoodService } from './services/neighbourhood-service.js';
import type { RateLimiter } from './services/rate-limiter.js';

export const SESSION_COOKIE = 'dongne_session';

export interface Services {
  session: SessionService;
  sync: SyncService;
  neighbourhoods: NeighbourhoodService;
  rateLimiter: RateLimiter;
}

export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor | undefined;
  };
}
