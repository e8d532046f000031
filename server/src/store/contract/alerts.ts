// Keyword alerts and the notifications they make: what a person asked to hear about, and what
// they were told.
import type { MessageKind, Notification, NotificationKind, SecurityEventKind } from '@dongne/shared';

export interface KeywordsRepo {
  /** The person's keywords, in alphabetical (code point) order. */
  of(actorId: string): Promise<string[]>;
  /** Saves a keyword filed under `key` (see keywordKey); false when the person already kept it. */
  add(actorId: string, keyword: string, key: string, at: number): Promise<boolean>;
  /** False when the person did not keep it. */
  remove(actorId: string, keyword: string): Promise<boolean>;
  /** Forgets every keyword the person kept (their account is being deleted). */
  removeAllOf(actorId: string): Promise<void>;
  /** Every keyword filed under one of `keys` kept by someone who holds one of `places`, and whose it is. */
  filedUnder(keys: string[], places: string[]): Promise<{ actorId: string; keyword: string }[]>;
}

export interface NewNotification {
  id: string;
  actorId: string;
  kind: NotificationKind;
  subjectId: string;
  title: string;
  keyword: string | null;
  /** For a security message, what happened. */
  event?: SecurityEventKind | null;
  /**
   * Who did it (the sender, the other side of the trade, the commenter): notificationSchema's
   * actorId. Named apart here because `actorId` above is whom the notification is for.
   */
  byActorId?: string | null;
  actorName?: string | null;
  /** The first words of what they wrote (NOTIFICATION_LIMITS.snippetMax). */
  snippet?: string | null;
  /** An offer's price. */
  amountKrw?: number | null;
  /** An appointment's time. */
  at?: number | null;
  /** For a `message`, which kind of chat message it was. */
  messageKind?: MessageKind | null;
  createdAt: number;
}

export interface NotificationsRepo {
  /**
   * Undefined when nothing new was made: the person was already told of this subject in a kind told
   * once (NOTIFICATION_TOLD_ONCE). For other kinds a repeat refreshes the one row of that subject
   * (words, time, unread again, a new change). Answers the id of the row made or refreshed: a
   * refreshed row keeps its first id, which the person's devices hold it by (not `notification.id`).
   */
  insert(notification: NewNotification, changeSeq: number): Promise<string | undefined>;
  /** One of the person's notifications; undefined if it is not theirs or is gone. */
  byId(actorId: string, id: string): Promise<Notification | undefined>;
  /** Marks one of the person's notifications read; false if it is not theirs or was read already. */
  markRead(actorId: string, id: string, at: number, changeSeq: number): Promise<boolean>;
  /**
   * Marks read the person's notification of `kind` about `subjectId`, if one is unread (they opened
   * what it is about another way: read the conversation in the chat); false if there was none.
   */
  markReadAbout(actorId: string, kind: NotificationKind, subjectId: string, at: number, changeSeq: number): Promise<boolean>;
  /** Forgets every notification the person was sent (their account is being deleted). */
  removeAllOf(actorId: string): Promise<void>;
  /** The person's notifications made or changed after `cursor`, oldest change first. */
  changesFor(actorId: string, cursor: number, limit: number): Promise<{ changeSeq: number; row: Notification }[]>;
}

export interface AlertsRepos {
  keywords: KeywordsRepo;
  notifications: NotificationsRepo;
}
