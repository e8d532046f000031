// The store contract: everything a service may ask of the database, as interfaces. Two engines
// implement it — SQLite (better-sqlite3, the embedded default) and PostgreSQL (pg) — and services
// see only this: no engine handle, no SQL, no engine error text (a broken uniqueness rule is a
// DuplicateError). One contract test suite runs against both.
//
// Two invariants make sync correct, and every engine must keep them:
//
// 1. Change numbers become visible in order. Every write takes the next server-wide change number
//    (`sync.nextChangeSeq()`) inside its transaction, and pull pages by it: a pull from cursor N
//    must never miss a change numbered below one it has already returned. So a transaction holding
//    number 11 must be visible before any holding 12. (SQLite has one writer at a time; PostgreSQL
//    takes the numbers from a counter row locked until the writing transaction ends, so writers
//    that number changes commit in number order.)
// 2. One device's pushes apply one at a time, in seq order, whichever server instance receives
//    them: `sync.claimClient()` inside the push's transaction holds that device until it commits.
import type { AccountsRepos } from './accounts.js';
import type { AdsRepos } from './ads.js';
import type { AlertsRepos } from './alerts.js';
import type { BlobsRepo } from './blobs.js';
import type { BoardRepos } from './board.js';
import type { BusinessLifeRepos } from './business-life.js';
import type { DraftsRepo } from './drafts.js';
import type { LimitsRepos } from './limits.js';
import type { ListingsRepo } from './listings.js';
import type { MediaRepo } from './media.js';
import type { NeighbourhoodsRepos } from './neighbourhoods.js';
import type { PushRepos } from './push.js';
import type { AppointmentRemindersRepo } from './reminders.js';
import type { SyncRepo } from './sync.js';
import type { TradingRepos } from './trading.js';
import type { VerificationsRepo } from './verifications.js';

/** The tables, as a service may use them. */
export interface Repositories extends AccountsRepos, NeighbourhoodsRepos, LimitsRepos, TradingRepos, AlertsRepos, PushRepos, BoardRepos, AdsRepos, BusinessLifeRepos {
  listings: ListingsRepo;
  drafts: DraftsRepo;
  media: MediaRepo;
  blobs: BlobsRepo;
  sync: SyncRepo;
  verifications: VerificationsRepo;
  appointmentReminders: AppointmentRemindersRepo;
}

/** The repositories inside one transaction; every call sees the transaction's own writes. */
export interface Tx extends Repositories {
  /** Runs `fn` so that if it throws, what it wrote is undone and the transaction goes on. */
  savepoint<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface Store extends Repositories {
  /** Which engine this is, for logs and benchmarks only: services never branch on it. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction that may write: all of it commits, or (if `fn` throws) none of it.
   * Calls made directly on the store (not on `tx`) from inside `fn` are a programming error.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` over one consistent snapshot, for reads that must describe the same moment. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs start-up work (importing the demo neighbourhoods, seeding demo listings) while no other
   * server instance on this database runs its own: several instances starting together seed once.
   */
  duringStartup<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
