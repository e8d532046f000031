// The PostgreSQL engine of the store contract (node-postgres), for several stateless server
// instances on one database. Calls on the store run on the pool, one statement each; a transaction
// holds one client from BEGIN to COMMIT. The contract's invariants are kept by row locks held to
// the end of the writing transaction (see sync-repo.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Repositories, Store, Tx } from '../contract/store.js';
import { createAccountsRepos } from './accounts-repo.js';
import { createAdEventsRepo, createCampaignDaysRepo } from './ad-events-repo.js';
import { createBusinessesRepo } from './businesses-repo.js';
import { createBusinessFollowsRepo, createBusinessPostsRepo, createBusinessProfilesRepo, createBusinessReviewsRepo } from './business-life-repo.js';
import { createCampaignsRepo } from './campaigns-repo.js';
import { createBlobsRepo } from './blobs-repo.js';
import { createBlocksRepo } from './blocks-repo.js';
import { createBoardCommentsRepo } from './board-comments-repo.js';
import { createBoardPostsRepo } from './board-posts-repo.js';
import { createKeywordsRepo, createNotificationsRepo } from './alerts-repo.js';
import { createConversationsRepo } from './conversations-repo.js';
import { createDraftsRepo } from './drafts-repo.js';
import { createLimitsRepos } from './limits-repo.js';
import { createListingsRepo } from './listings-repo.js';
import { createMediaRepo } from './media-repo.js';
import { createMessagesRepo } from './messages-repo.js';
import { migrate } from './migrate.js';
import { createNeighbourhoodsRepo } from './neighbourhoods-repo.js';
import type { Queryable } from './queryable.js';
import { createPushRepos } from './push-repo.js';
import { createAppointmentRemindersRepo } from './reminders-repo.js';
import { createReportsRepo } from './reports-repo.js';
import { createReviewsRepo } from './reviews-repo.js';
import { createSyncRepo } from './sync-repo.js';
import { createTradesRepo } from './trades-repo.js';
import { createVerificationsRepo } from './verifications-repo.js';

// Dongne's times are milliseconds and its counts small: bigint and numeric columns read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Any fixed number, the same on every instance. */
const STARTUP_LOCK = 73_0620_03;

function createRepositories(db: Queryable): Repositories {
  return {
    ...createAccountsRepos(db),
    ...createLimitsRepos(db),
    ...createPushRepos(db),
    listings: createListingsRepo(db),
    drafts: createDraftsRepo(db),
    media: createMediaRepo(db),
    blobs: createBlobsRepo(db),
    neighbourhoods: createNeighbourhoodsRepo(db),
    sync: createSyncRepo(db),
    verifications: createVerificationsRepo(db),
    conversations: createConversationsRepo(db),
    messages: createMessagesRepo(db),
    trades: createTradesRepo(db),
    reviews: createReviewsRepo(db),
    blocks: createBlocksRepo(db),
    reports: createReportsRepo(db),
    keywords: createKeywordsRepo(db),
    notifications: createNotificationsRepo(db),
    boardPosts: createBoardPostsRepo(db),
    boardComments: createBoardCommentsRepo(db),
    appointmentReminders: createAppointmentRemindersRepo(db),
    businesses: createBusinessesRepo(db),
    campaigns: createCampaignsRepo(db),
    adEvents: createAdEventsRepo(db),
    campaignDays: createCampaignDaysRepo(db),
    businessProfiles: createBusinessProfilesRepo(db),
    businessPosts: createBusinessPostsRepo(db),
    businessFollows: createBusinessFollowsRepo(db),
    businessReviews: createBusinessReviewsRepo(db),
  };
}

/** Refuses calls on the store made from inside a transaction: they would run outside it. */
function guarded(repos: Repositories, inTransaction: AsyncLocalStorage<true>): Repositories {
  const refused = () => Promise.reject(new Error('A store call was made on the store inside a transaction: use the transaction (tx) instead.'));
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, repo] of Object.entries(repos)) {
    const methods: Record<string, unknown> = {};
    for (const [key, method] of Object.entries(repo as Record<string, (...a: unknown[]) => Promise<unknown>>)) {
      methods[key] = (...args: unknown[]) => (inTransaction.getStore() ? refused() : method(...args));
    }
    out[name] = methods;
  }
  return out as unknown as Repositories;
}

/** The repositories are assigned in the constructor; this declares them on the class. */
export interface PostgresStore extends Repositories {}
export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly #inTransaction = new AsyncLocalStorage<true>();

  constructor(readonly pool: pg.Pool) {
    Object.assign(this, guarded(createRepositories(pool), this.#inTransaction));
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#inTransactionOf('BEGIN', fn);
  }

  /** One snapshot for every statement, and nothing written: REPEATABLE READ, READ ONLY. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#inTransactionOf('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
  }

  async duringStartup<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async #inTransactionOf<T>(begin: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore()) throw new Error('A transaction was started inside another: use tx.savepoint instead.');
    const client = await this.pool.connect();
    let savepoints = 0;
    const tx: Tx = {
      ...createRepositories(client),
      async savepoint<S>(inner: (tx: Tx) => Promise<S>): Promise<S> {
        const name = `sp${savepoints++}`;
        await client.query(`SAVEPOINT ${name}`);
        try {
          const result = await inner(tx);
          await client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          await client.query(`RELEASE SAVEPOINT ${name}`);
          throw error;
        } finally {
          savepoints--;
        }
      },
    };
    let broken = false;
    try {
      await client.query(begin);
      const result = await this.#inTransaction.run(true, () => fn(tx));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        // The connection itself failed: it must not go back to the pool.
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** Connects to the database at `url`, brings its schema up to date, and answers the store. */
export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client the server dropped: logged by the pool's owner, never an unhandled crash.
  pool.on('error', () => {});
  await migrate(pool);
  return new PostgresStore(pool);
}
