// The SQLite engine of the store contract (better-sqlite3, the embedded default). better-sqlite3 is
// synchronous and this process holds one connection, so every call and every transaction takes
// turns: a transaction runs to its end before anything else touches the connection, and nothing
// of another request can slip in between its statements. BEGIN IMMEDIATE takes SQLite's write lock
// at once, so writers on the same file (another process, too) never interleave either: that alone
// keeps both of the contract's invariants.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Repositories, Store, Tx } from '../contract/store.js';
import { openDatabase, type Db } from './database.js';
import { createActorNeighbourhoodsStore } from './actor-neighbourhoods-store.js';
import { createActorsStore } from './actors-store.js';
import { createBlobsStore } from './blobs-store.js';
import { createCreationCountsStore } from './creation-counts-store.js';
import { createDraftsStore } from './drafts-store.js';
import { createListingsStore } from './listings-store.js';
import { createMediaStore } from './media-store.js';
import { createNeighbourhoodsStore } from './neighbourhoods-store.js';
import { createPasskeysStore } from './passkeys-store.js';
import { createProfilesStore } from './profiles-store.js';
import { createRateLimitsStore } from './rate-limits-store.js';
import { createSessionsStore } from './sessions-store.js';
import { createRecoveryCodesStore } from './recovery-codes-store.js';
import { createSecurityEventsStore } from './security-events-store.js';
import { createSyncStore } from './sync-store.js';
import { createVerificationsStore } from './verifications-store.js';
import { createConversationsStore } from './conversations-store.js';
import { createMessagesStore } from './messages-store.js';
import { createTradesStore } from './trades-store.js';
import { createReviewsStore } from './reviews-store.js';
import { createBlocksStore } from './blocks-store.js';
import { createBoardCommentsStore } from './board-comments-store.js';
import { createBoardPostsStore } from './board-posts-store.js';
import { createKeywordsStore, createNotificationsStore } from './alerts-store.js';
import { createReportsStore } from './reports-store.js';
import { createPushOutboxStore, createPushSubscriptionsStore, createQuietHoursStore } from './push-store.js';
import { createAppointmentRemindersStore } from './reminders-store.js';
import { createBusinessesStore } from './businesses-store.js';
import { createBusinessFollowsStore, createBusinessPostsStore, createBusinessProfilesStore, createBusinessReviewsStore } from './business-life-store.js';
import { createCampaignsStore } from './campaigns-store.js';
import { createAdEventsStore, createCampaignDaysStore } from './ad-events-store.js';

/** A statement without parameters: BEGIN, COMMIT and the savepoints. */
type Statement = Database.Statement<[]>;

/** A repository whose methods answer at once (the SQLite side), for the contract's async one. */
type Synchronous<R> = { [K in keyof R]: R[K] extends (...args: infer A) => Promise<infer T> ? (...args: A) => T : never };

/** The SQLite repositories, as prepared statements over one connection. */
function createRepositories(db: Db) {
  return {
    actors: createActorsStore(db),
    listings: createListingsStore(db),
    drafts: createDraftsStore(db),
    creationCounts: createCreationCountsStore(db),
    neighbourhoods: createNeighbourhoodsStore(db),
    sync: createSyncStore(db),
    verifications: createVerificationsStore(db),
    actorNeighbourhoods: createActorNeighbourhoodsStore(db),
    rateLimits: createRateLimitsStore(db),
    sessions: createSessionsStore(db),
    passkeys: createPasskeysStore(db),
    recoveryCodes: createRecoveryCodesStore(db),
    securityEvents: createSecurityEventsStore(db),
    profiles: createProfilesStore(db),
    media: createMediaStore(db),
    blobs: createBlobsStore(db),
    conversations: createConversationsStore(db),
    messages: createMessagesStore(db),
    trades: createTradesStore(db),
    reviews: createReviewsStore(db),
    blocks: createBlocksStore(db),
    reports: createReportsStore(db),
    keywords: createKeywordsStore(db),
    notifications: createNotificationsStore(db),
    pushSubscriptions: createPushSubscriptionsStore(db),
    quietHours: createQuietHoursStore(db),
    pushOutbox: createPushOutboxStore(db),
    boardPosts: createBoardPostsStore(db),
    boardComments: createBoardCommentsStore(db),
    appointmentReminders: createAppointmentRemindersStore(db),
    businesses: createBusinessesStore(db),
    campaigns: createCampaignsStore(db),
    adEvents: createAdEventsStore(db),
    campaignDays: createCampaignDaysStore(db),
    businessProfiles: createBusinessProfilesStore(db),
    businessPosts: createBusinessPostsStore(db),
    businessFollows: createBusinessFollowsStore(db),
    businessReviews: createBusinessReviewsStore(db),
  } satisfies { [K in keyof Repositories]: Synchronous<Repositories[K]> };
}
export type SqliteRepositories = ReturnType<typeof createRepositories>;

/** Each repository method made async, every call going through `run`. */
function asContract(sync: SqliteRepositories, run: <T>(call: () => T) => Promise<T>): Repositories {
  const repos: Record<string, Record<string, unknown>> = {};
  for (const [name, repo] of Object.entries(sync)) {
    const methods: Record<string, unknown> = {};
    for (const [key, method] of Object.entries(repo)) {
      if (typeof method === 'function') methods[key] = (...args: unknown[]) => run(() => (method as (...a: unknown[]) => unknown)(...args));
    }
    repos[name] = methods;
  }
  return repos as unknown as Repositories;
}

/** The repositories are assigned in the constructor; this declares them on the class. */
export interface SqliteStore extends Repositories {}
export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  /** The repositories as prepared statements, for benchmarks and tests of this engine only. */
  readonly sqlite: SqliteRepositories;
  readonly #tx: Tx;
  /** The end of the queue of calls and transactions waiting for the connection. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Set while a transaction runs: store-level calls from inside it would wait for it for ever. */
  readonly #inTransaction = new AsyncLocalStorage<true>();
  /** How deep the savepoints now open go, and their statements per depth, prepared once. */
  #savepoints = 0;
  readonly #savepointStatements: { open: Statement; release: Statement; undo: Statement }[] = [];
  readonly #statements: { begin: Statement; beginRead: Statement; commit: Statement; rollback: Statement };

  constructor(readonly db: Db) {
    this.sqlite = createRepositories(db);
    this.#statements = {
      begin: db.prepare<[]>('BEGIN IMMEDIATE'),
      beginRead: db.prepare<[]>('BEGIN DEFERRED'),
      commit: db.prepare<[]>('COMMIT'),
      rollback: db.prepare<[]>('ROLLBACK'),
    };
    // Inside a transaction the connection is already this caller's: statements run at once.
    const direct = async <T>(call: () => T) => call();
    this.#tx = { ...asContract(this.sqlite, direct), savepoint: (fn) => this.#savepoint(fn) };
    Object.assign(this, asContract(this.sqlite, (call) => this.#exclusive(call)));
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#inTransactionOf(this.#statements.begin, fn);
  }

  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#inTransactionOf(this.#statements.beginRead, fn);
  }

  /** One process serves a SQLite file: there is no other instance to wait for. */
  duringStartup<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async close(): Promise<void> {
    await this.#queue;
    this.db.close();
  }

  /** Waits for the connection, then runs `call` with it to itself. */
  #exclusive<T>(call: () => T | Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore()) {
      return Promise.reject(new Error('A store call was made on the store inside a transaction: use the transaction (tx) instead.'));
    }
    const result = this.#queue.then(call);
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  #inTransactionOf<T>(begin: Statement, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#exclusive(() =>
      this.#inTransaction.run(true, async () => {
        begin.run();
        try {
          const result = await fn(this.#tx);
          this.#statements.commit.run();
          return result;
        } catch (error) {
          if (this.db.inTransaction) this.#statements.rollback.run();
          throw error;
        }
      }),
    );
  }

  async #savepoint<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const depth = this.#savepoints++;
    const name = `sp${depth}`;
    const statements = (this.#savepointStatements[depth] ??= {
      open: this.db.prepare<[]>(`SAVEPOINT ${name}`),
      release: this.db.prepare<[]>(`RELEASE ${name}`),
      undo: this.db.prepare<[]>(`ROLLBACK TO ${name}`),
    });
    statements.open.run();
    try {
      const result = await fn(this.#tx);
      statements.release.run();
      return result;
    } catch (error) {
      statements.undo.run();
      statements.release.run();
      throw error;
    } finally {
      this.#savepoints--;
    }
  }
}

export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(openDatabase(file));
}
