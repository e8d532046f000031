// Counters that limit how much one address or account may do.
export type CreationKind = 'listing' | 'draft' | 'conversation' | 'message' | 'report' | 'block' | 'post' | 'comment';

export interface RateLimitsRepo {
  /** Counts a request for `key` in the window starting at `windowStart`; returns the count so far. */
  hit(key: string, windowStart: number): Promise<number>;
  /** The count for `key` in the window starting at `windowStart` (0 if none), without counting. */
  count(key: string, windowStart: number): Promise<number>;
  prune(before: number): Promise<number>;
}

export interface CreationCountsRepo {
  /** Counts one more, in the hour of `at`. */
  add(actorId: string, kind: CreationKind, at: number): Promise<void>;
  /** How many `actorId` started in the day up to `now`: this hour and the 23 before it. */
  inLastDay(actorId: string, kind: CreationKind, now: number): Promise<number>;
}

export interface LimitsRepos {
  rateLimits: RateLimitsRepo;
  creationCounts: CreationCountsRepo;
}
