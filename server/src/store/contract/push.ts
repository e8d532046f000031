// Web Push: the devices that asked to be woken by a push, each person's quiet hours, and the outbox
// of pushes waiting to be sent. A push only wakes a closed app; the notification is in the inbox.
import type { PushLocale, QuietHours } from '@dongne/shared';

/** One device's subscription, as the dispatcher sends to it. */
export interface PushSubscriptionRow {
  actorId: string;
  /** The device's sync clientId: one subscription per device. */
  clientId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: PushLocale;
  /** The session (its public id) that subscribed: when it ends, the subscription goes with it. */
  sessionId: string;
}

export interface PushSubscriptionsRepo {
  /**
   * Saves the device's subscription (new, or its own again with new keys, locale or session) at
   * `at`. Another device's row with the same endpoint goes: the browser moved on from it. Past
   * `keep` devices, the person's least recently subscribed others go, so a new phone is never refused.
   */
  save(row: PushSubscriptionRow, at: number, keep: number): Promise<void>;
  /** Whether this device of the person is subscribed. */
  has(actorId: string, clientId: string): Promise<boolean>;
  /** Whether a device subscribed through this session. */
  madeBy(sessionId: string): Promise<boolean>;
  /** Whether the person has any subscribed device. */
  anyFor(actorId: string): Promise<boolean>;
  /** False when the device was not subscribed. */
  remove(actorId: string, clientId: string): Promise<boolean>;
  /** Forgets an endpoint the push service says is gone (404, 410). */
  removeEndpoint(endpoint: string): Promise<void>;
  /** Forgets every device of the person (their account is being deleted). */
  removeAllOf(actorId: string): Promise<void>;
  /**
   * The person's subscriptions whose session is live: not expired at `now`, and started after
   * `startedAfter` (the sessions' absolute lifetime). An ended session's rows are deleted with it;
   * one that merely ran out stays until swept, and must not be sent to meanwhile.
   */
  liveOf(actorId: string, now: number, startedAfter: number): Promise<PushSubscriptionRow[]>;
}

export interface QuietHoursRepo {
  /** The person's quiet hours; undefined when they never changed the default. */
  of(actorId: string): Promise<QuietHours | undefined>;
  set(actorId: string, quietHours: QuietHours, at: number): Promise<void>;
  remove(actorId: string): Promise<void>;
}

export interface NewPushOutboxRow {
  notificationId: string;
  actorId: string;
  /** The one device a retry is for; null for every device of the person. */
  clientId: string | null;
  dueAt: number;
  /** Tries made so far (0 for a new row). */
  attempts: number;
  createdAt: number;
}

/** A row a dispatcher claimed: its lease runs until the `leaseUntil` it claimed with. */
export interface ClaimedPush {
  id: number;
  notificationId: string;
  actorId: string;
  clientId: string | null;
  /** Tries made, this one included. */
  attempts: number;
}

export interface PushOutboxRepo {
  add(row: NewPushOutboxRow): Promise<void>;
  /**
   * Claims up to `limit` rows due by `now`, the earliest first, each in one atomic step that no other
   * dispatcher (another instance on the same database) can claim as well: the row's due time moves
   * to `leaseUntil` and its attempts go up by one. A row not removed by then comes due again.
   */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<ClaimedPush[]>;
  remove(id: number): Promise<void>;
  /**
   * For a notification just refreshed (newer words, unread again): whether a push of it waits for
   * every device, not tried yet, and if so moves it to `dueAt` when that is sooner. That push is sent
   * with the notification as it is when sent, so a second would only say the same again. The row
   * stays this transaction's until it ends: no dispatcher can claim it and send the older words.
   */
  joinWaiting(notificationId: string, dueAt: number): Promise<boolean>;
  /** Moves the person's held pushes (due after `now`, never tried) to `dueAt`: their quiet hours changed. */
  reschedule(actorId: string, dueAt: number, now: number): Promise<void>;
  /** Forgets every push waiting for the person (their account is being deleted). */
  removeAllOf(actorId: string): Promise<void>;
}

export interface PushRepos {
  pushSubscriptions: PushSubscriptionsRepo;
  quietHours: QuietHoursRepo;
  pushOutbox: PushOutboxRepo;
}
