// A notifications row as both engines read and write it, and the notification it is.
import type { Notification } from '@dongne/shared';
import type { NewNotification } from './contract/alerts.js';

export interface NotificationDbRow {
  id: string;
  kind: Notification['kind'];
  subject_id: string;
  title: string;
  keyword: string | null;
  event: Notification['event'];
  /** Who did it (the `actor_id` column is whom it is for). */
  by_actor_id: string | null;
  actor_name: string | null;
  snippet: string | null;
  amount_krw: number | null;
  at: number | null;
  message_kind: Notification['messageKind'];
  created_at: number;
  read_at: number | null;
  change_seq: number;
}

export function toNotification(row: NotificationDbRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    title: row.title,
    keyword: row.keyword,
    event: row.event,
    actorId: row.by_actor_id,
    actorName: row.actor_name,
    snippet: row.snippet,
    amountKrw: row.amount_krw,
    at: row.at,
    messageKind: row.message_kind,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** A new notification's values in the order of the engines' INSERT, each one not given as null. */
export function notificationParams(n: NewNotification, changeSeq: number) {
  return {
    id: n.id,
    actorId: n.actorId,
    kind: n.kind,
    subjectId: n.subjectId,
    title: n.title,
    keyword: n.keyword,
    event: n.event ?? null,
    byActorId: n.byActorId ?? null,
    actorName: n.actorName ?? null,
    snippet: n.snippet ?? null,
    amountKrw: n.amountKrw ?? null,
    at: n.at ?? null,
    messageKind: n.messageKind ?? null,
    createdAt: n.createdAt,
    changeSeq,
  };
}
