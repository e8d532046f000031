// Builds the Hono app from its dependencies: the API under /api and, if given, the built PWA.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SYNC_LIMITS } from '@dongne/shared';
import { listingFirstPaint } from './http/listing-first-paint.js';
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import type { AppEnv, Services } from './app-env.js';
import { systemSleep, type Clock, type Sleep } from './services/clock.js';
import { SeqGapError, ServiceError } from './services/service-error.js';
import { createSessionService } from './services/session-service.js';
import { DEFAULT_PASSWORD_COST } from './services/password.js';
import { createPasskeyService } from './services/passkey-service.js';
import { createAccountService } from './services/account-service.js';
import { createAccountDeletion } from './services/account-deletion.js';
import { createRecoveryCodes } from './services/recovery-codes.js';
import { accountRoutes } from './routes/account-routes.js';
import { createProfileService } from './services/profile-service.js';
import { createMediaService } from './services/media-service.js';
import type { BlobStore } from './blobs/blob-store.js';
import { databaseBlobStore } from './blobs/database-blob-store.js';
import { mediaRoutes } from './routes/media-routes.js';
import { profileRoutes } from './routes/profile-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { boardRoutes } from './routes/board-routes.js';
import { businessRoutes } from './routes/business-routes.js';
import { createBusinessStats } from './services/business-stats.js';
import { listingRoutes } from './routes/listing-routes.js';
import { createListingService } from './services/listing-service.js';
import { createBoardSearch } from './services/board-search.js';
import { createSyncService } from './services/sync-service.js';
import { DEFAULT_DAILY_CAPS, type DailyCaps } from './services/mutation-context.js';
import { createNeighbourhoodService } from './services/neighbourhood-service.js';
import { DEFAULT_NEIGHBOURHOOD_ID } from './services/demo-listings.js';
import { neighbourhoodRoutes } from './routes/neighbourhood-routes.js';
import type { Store } from './store/contract/store.js';
import { errorBody, sendError } from './http/http-errors.js';
import { gzipJson } from './middleware/gzip-json.js';
import { resumeSession } from './middleware/resume-session.js';
import { clientAddress } from './middleware/client-address.js';
import { sameOriginWrites, securityHeaders } from './middleware/security.js';
import { createRateLimiter } from './services/rate-limiter.js';
import { createPasswordSignIn } from './services/password-sign-in.js';
import { authRoutes } from './routes/auth-routes.js';
import { syncRoutes } from './routes/sync-routes.js';
import { liveRoutes } from './routes/live-routes.js';
import { createLocalChangeBus, type ChangeBus } from './live/change-bus.js';
import { createLiveHub } from './live/live-hub.js';
import { createPushService } from './services/push-service.js';
import { pushRoutes } from './routes/push-routes.js';
import { createPushDispatcher, type PushDispatcher } from './push/push-dispatcher.js';
import { createWebPushSender } from './push/web-push-sender.js';
import { DEFAULT_VAPID_SUBJECT } from './push/vapid-keys.js';
import webpush from 'web-push';

export interface AppConfig {
  /** The address people use (e.g. https://dongne.example), for passkeys; else each request's own. */
  publicOrigin?: string;
  /** The neighbourhood visitors browse before choosing their own. */
  defaultNeighbourhoodId?: string;
  /** Directory of the built PWA (web/build); the API alone is served when absent. */
  webDir?: string;
  bodyMaxBytes?: number;
  /** scrypt's N for new password hashes (a power of two); DEFAULT_PASSWORD_COST unless set. */
  passwordCost?: number;
  /** What one account may do in 24 hours (listings, drafts, messages…); DEFAULT_DAILY_CAPS unless set. */
  dailyCaps?: Partial<DailyCaps>;
  /** Addresses of our own proxies (nginx, haproxy), whose X-Forwarded-For names the real client. */
  trustedProxies?: readonly string[];
  /** Least time between two live pokes to one device; POKE_GAP_MS unless set. */
  pokeGapMs?: number;
  /** How often a live channel is pinged and its session checked; KEEPALIVE_MS unless set. */
  liveKeepaliveMs?: number;
  log?: (message: string) => void;
}

// Readable default messages for checks that do not carry their own (the client bundle skips these).
z.config(en());

export function createApp({
  store,
  clock,
  sleep = systemSleep,
  blobs = databaseBlobStore(store),
  changes = createLocalChangeBus(),
  pushDispatcher,
  config = {},
}: {
  store: Store;
  clock: Clock;
  sleep?: Sleep;
  /** Where photo bytes go; the database unless given. */
  blobs?: BlobStore;
  /** How instances tell each other of changes, for live pokes; this instance alone unless given. */
  changes?: ChangeBus;
  /**
   * Sends Web Pushes (main.ts starts and stops it). Unless given, one that sends when poked, never
   * sweeps, and signs with a key pair made for this app alone.
   */
  pushDispatcher?: PushDispatcher;
  config?: AppConfig;
}) {
  const log = config.log ?? ((message: string) => console.error(message));
  const pushes =
    pushDispatcher ?? createPushDispatcher({ store, clock, sender: createWebPushSender({ ...webpush.generateVAPIDKeys(), subject: DEFAULT_VAPID_SUBJECT }), log });
  const passwordCost = config.passwordCost ?? DEFAULT_PASSWORD_COST;
  const session = createSessionService(store, clock, passwordCost);
  const rateLimiter = createRateLimiter(store, clock);
  const services: Services = {
    session,
    passwordSignIn: createPasswordSignIn(store, clock, sleep, session, rateLimiter),
    passkeys: createPasskeyService(store, clock, session),
    account: createAccountService(store, clock, session, passwordCost),
    accountDeletion: createAccountDeletion(store, clock, session, blobs, log),
    recoveryCodes: createRecoveryCodes(store, clock, session, rateLimiter),
    profiles: createProfileService(store, clock),
    media: createMediaService(store, clock, blobs, log),
    relyingParty: (requestUrl) => {
      const origin = new URL(config.publicOrigin ?? requestUrl).origin;
      return { id: new URL(origin).hostname, origin };
    },
    sync: createSyncService(
      store,
      clock,
      { defaultNeighbourhoodId: config.defaultNeighbourhoodId ?? DEFAULT_NEIGHBOURHOOD_ID },
      { ...DEFAULT_DAILY_CAPS, ...config.dailyCaps },
      changes,
      pushes,
    ),
    neighbourhoods: createNeighbourhoodService(store),
    listings: createListingService(store, clock),
    board: createBoardSearch(store, { defaultNeighbourhoodId: config.defaultNeighbourhoodId ?? DEFAULT_NEIGHBOURHOOD_ID }),
    rateLimiter,
    live: createLiveHub(changes, { gapMs: config.pokeGapMs }),
    push: createPushService(store, clock, pushes),
    businessStats: createBusinessStats(store, clock),
  };
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof SeqGapError) {
      const { error: body } = errorBody(error.code, error.message);
      return c.json({ error: { ...body, expectedSeq: error.expectedSeq, unprocessed: error.unprocessed } }, error.status);
    }
    if (error instanceof ServiceError) {
      if (error.retryAfterS !== undefined) c.header('Retry-After', String(error.retryAfterS));
      return sendError(c, error.status, error.code, error.message, error.issues);
    }
    if (error instanceof HTTPException) return sendError(c, error.status, 'request.rejected', error.message || 'Request rejected.');
    // Log the detail for us; the client gets a code, never a stack trace.
    log(`[error] ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return sendError(c, 500, 'internal', 'Something went wrong on our side. Your changes are kept and will be retried.');
  });

  app.use('*', securityHeaders(config.webDir, config.publicOrigin));
  app.use('/api/*', clientAddress(config.trustedProxies));
  app.use('/api/*', sameOriginWrites(config.publicOrigin));
  app.use('/api/*', gzipJson());
  app.use('/api/*', async (c, next) => {
    c.set('services', services);
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use('/api/*', resumeSession());
  const limitBody = bodyLimit({
    maxSize: config.bodyMaxBytes ?? SYNC_LIMITS.bodyMaxBytes,
    onError: (c) => c.json(errorBody('request.too_large', 'The request body is too large.'), 413),
  });
  // Photo uploads are bigger than any JSON body; media-routes.ts streams them in under their own limit.
  app.use('/api/*', (c, next) => (c.req.method === 'PUT' && c.req.path.startsWith('/api/media/') ? next() : limitBody(c, next)));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/auth', authRoutes());
  app.route('/api/account', accountRoutes());
  app.route('/api/sync/live', liveRoutes(config.liveKeepaliveMs));
  app.route('/api/sync', syncRoutes());
  app.route('/api/neighbourhoods', neighbourhoodRoutes());
  app.route('/api/profiles', profileRoutes());
  app.route('/api/search', searchRoutes());
  app.route('/api/board', boardRoutes());
  app.route('/api/businesses', businessRoutes());
  app.route('/api/media', mediaRoutes());
  app.route('/api/listings', listingRoutes());
  app.route('/api/push', pushRoutes());
  app.all('/api/*', (c) => sendError(c, 404, 'not_found', `No API endpoint at ${c.req.method} ${c.req.path}.`));

  if (config.webDir && existsSync(config.webDir)) mountWeb(app, config.webDir, services, config.publicOrigin);
  return app;
}

/** A path that names a file of a kind the web serves (robots.txt, app.abc123.js), never a screen of the app. */
const FILE_NAME = /\.(txt|xml|ico|png|jpe?g|gif|svg|webp|avif|js|mjs|css|map|json|webmanifest|woff2?|html?)$/i;

function mountWeb(app: Hono<AppEnv>, webDir: string, services: Services, publicOrigin: string | undefined) {
  app.use('*', compress());
  // What is revalidated (the shell, the manifest, the icons: one of them is asked for three times on
  // a first visit) carries an ETag, so that asking again costs a 304 and no body.
  const revalidated = etag();
  app.use('*', (c, next) => (c.req.path.startsWith('/_app/immutable/') ? next() : revalidated(c, next)));
  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    // Hashed build assets never change; everything else must be revalidated so updates land. A
    // missing file is not kept at all: it may be there after the next deploy.
    if (!c.res.ok) return;
    if (path.startsWith('/_app/immutable/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else c.header('Cache-Control', 'no-cache');
  });
  // The build writes .br and .gz beside each file: sent as they are to a browser that takes them.
  app.use('*', serveStatic({ root: webDir, precompressed: true }));
  // SPA fallback: client-side routes such as /listings/<id> load the app shell. A file that is not
  // there (/favicon.ico, /sitemap.xml) is a 404: answered with the shell, a crawler would read the
  // page as that file.
  app.get('*', async (c, next) => {
    if (FILE_NAME.test(c.req.path)) return c.notFound();
    await next();
  });
  app.get('/listings/:id', listingFirstPaint(join(webDir, 'index.html'), services.listings, publicOrigin));
  app.get('*', serveStatic({ path: join(webDir, 'index.html'), precompressed: true }));
}

