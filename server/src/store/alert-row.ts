// A notifications row as both engines read it, and the notification it is.
import type { Notification } from '@dongne/shared';

export interface NotificationDbRow {
  id: string;
  kind: Notification['kind'];
  subject_id: string;
  title: string;
  keyword: string | null;
  event: Notification['event'];
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
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
