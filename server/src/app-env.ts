// The per-request context every route sees: the services and the actor behind the request.
import type { Actor, CurrentSession, SessionService } from './services/session-service.js';
import type { AccountService } from './services/account-service.js';
import type { AccountDeletion } from './services/account-deletion.js';
import type { RecoveryCodes } from './services/recovery-codes.js';
import type { SyncService } from './services/sync-service.js';
import type { NeighbourhoodService } from './services/neighbourhood-service.js';
import type { RateLimiter } from './services/rate-limiter.js';
import type { ProfileService } from './services/profile-service.js';
import type { MediaService } from './services/media-service.js';
import type { ListingService } from './services/listing-service.js';
import type { BoardSearch } from './services/board-search.js';
import type { PasskeyService, RelyingParty } from './services/passkey-service.js';
import type { PasswordSignIn } from './services/password-sign-in.js';
import type { LiveHub } from './live/live-hub.js';
import type { PushService } from './services/push-service.js';
import type { BusinessStatsService } from './services/business-stats.js';

export const SESSION_COOKIE = 'dongne_session';

export interface Services {
  session: SessionService;
  passwordSignIn: PasswordSignIn;
  sync: SyncService;
  neighbourhoods: NeighbourhoodService;
  rateLimiter: RateLimiter;
  passkeys: PasskeyService;
  account: AccountService;
  accountDeletion: AccountDeletion;
  recoveryCodes: RecoveryCodes;
  profiles: ProfileService;
  media: MediaService;
  listings: ListingService;
  /** Searching the neighbourhood board. */
  board: BoardSearch;
  /** Web Push settings and this device's subscription. */
  push: PushService;
  /** A business's dashboard, for its owner. */
  businessStats: BusinessStatsService;
  /** The devices this instance holds a live channel open to. */
  live: LiveHub;
  /** The site passkeys are bound to: the configured public origin, else the request's own. */
  relyingParty: (requestUrl: string) => RelyingParty;
}

export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor | undefined;
    /** The session the request's cookie names (undefined without a live one). */
    session: CurrentSession | undefined;
    /** Who is asking, as rate limits count them (see middleware/client-address.ts). */
    clientIp: string | undefined;
  };
}
