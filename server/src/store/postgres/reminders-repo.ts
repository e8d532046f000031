// Appointment reminders on PostgreSQL. Sweepers on several instances take due rows FOR UPDATE SKIP
// LOCKED: each passes over the rows another holds, and a row is gone once the one that took it commits.
import type { AppointmentReminder, AppointmentRemindersRepo } from '../contract/reminders.js';
import { changed, rows, type Queryable } from './queryable.js';

const REMINDER_COLUMNS = 'listing_id AS "listingId", buyer_id AS "buyerId", appointment_id AS "appointmentId", at, due_at AS "dueAt"';

export function createAppointmentRemindersRepo(db: Queryable): AppointmentRemindersRepo {
  return {
    async set(reminder) {
      await changed(
        db,
        `INSERT INTO appointment_reminders (listing_id, buyer_id, appointment_id, at, due_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (listing_id, buyer_id) DO UPDATE SET appointment_id = excluded.appointment_id, at = excluded.at, due_at = excluded.due_at`,
        [reminder.listingId, reminder.buyerId, reminder.appointmentId, reminder.at, reminder.dueAt],
      );
    },
    async takeDue(now, limit) {
      const taken = await rows<AppointmentReminder>(
        db,
        `DELETE FROM appointment_reminders WHERE (listing_id, buyer_id) IN (
           SELECT listing_id, buyer_id FROM appointment_reminders WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${REMINDER_COLUMNS}`,
        [now, limit],
      );
      return taken.sort((a, b) => a.dueAt - b.dueAt);
    },
    async removeAllOf(actorId) {
      // Rare (an account deleted): the conversations' indexes find the person's.
      await changed(
        db,
        `DELETE FROM appointment_reminders WHERE (listing_id, buyer_id) IN (
           SELECT listing_id, buyer_id FROM conversations WHERE buyer_id = $1 OR seller_id = $1)`,
        [actorId],
      );
    },
  };
}
