// Appointment reminders on SQLite. One writer at a time: a sweep's transaction has the due rows to itself.
import type { AppointmentReminder } from '../contract/reminders.js';
import type { Db } from './database.js';

const REMINDER_COLUMNS = 'listing_id AS listingId, buyer_id AS buyerId, appointment_id AS appointmentId, at, due_at AS dueAt';

export function createAppointmentRemindersStore(db: Db) {
  const set = db.prepare(`
    INSERT INTO appointment_reminders (listing_id, buyer_id, appointment_id, at, due_at) VALUES (@listingId, @buyerId, @appointmentId, @at, @dueAt)
    ON CONFLICT (listing_id, buyer_id) DO UPDATE SET appointment_id = excluded.appointment_id, at = excluded.at, due_at = excluded.due_at`);
  const takeDue = db.prepare(`
    DELETE FROM appointment_reminders WHERE (listing_id, buyer_id) IN (
      SELECT listing_id, buyer_id FROM appointment_reminders WHERE due_at <= ? ORDER BY due_at LIMIT ?)
    RETURNING ${REMINDER_COLUMNS}`);
  // Rare (an account deleted), and the table holds only appointments still to come: the
  // conversations' indexes find the person's, not one on this table.
  const removeAllOf = db.prepare(`
    DELETE FROM appointment_reminders WHERE (listing_id, buyer_id) IN (
      SELECT listing_id, buyer_id FROM conversations WHERE buyer_id = ? OR seller_id = ?)`);
  return {
    set: (reminder: AppointmentReminder) => void set.run(reminder),
    takeDue: (now: number, limit: number) => (takeDue.all(now, limit) as AppointmentReminder[]).sort((a, b) => a.dueAt - b.dueAt),
    removeAllOf: (actorId: string) => void removeAllOf.run(actorId, actorId),
  };
}
