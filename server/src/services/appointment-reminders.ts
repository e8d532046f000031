// Reminding both people of a confirmed trade appointment (거래 약속) CHAT_LIMITS.reminderBeforeMs
// before it: kept when the appointment is confirmed, and made once due by the reminder sweeper
// (reminders/reminder-sweeper.ts) if the appointment still stands then.
import { CHAT_LIMITS, conversationId } from '@dongne/shared';
import type { AppointmentReminder } from '../store/contract/reminders.js';
import type { Repositories, Tx } from '../store/contract/store.js';
import { blockedEitherWay } from './conversation-rules.js';
import { writeNotification } from './write-notification.js';

/**
 * Keeps the reminder of an appointment just confirmed in the conversation, replacing an earlier
 * one's. Inside the reminder's lead time none is kept: the confirmation has just told the other
 * side (a `message`), and the chat's banner shows the hour before on both sides' screens.
 */
export async function keepReminder(tx: Repositories, conversation: { listingId: string; buyerId: string }, appointment: { id: string; at: number }, now: number): Promise<void> {
  const dueAt = appointment.at - CHAT_LIMITS.reminderBeforeMs;
  if (dueAt <= now) return;
  await tx.appointmentReminders.set({ ...conversation, appointmentId: appointment.id, at: appointment.at, dueAt });
}

/** Who a reminder was written for, and what became of each push. */
export type Reminded = { actorId: string; push: 'due' | 'held' | 'none' }[];

/**
 * Tells both people of the appointment a due reminder is for, if it still stands: the conversation's
 * appointment is still this one, confirmed and still to come; the listing is not deleted nor sold to
 * someone else; and neither has blocked the other since.
 */
export async function remindOfAppointment(tx: Tx, reminder: AppointmentReminder, now: number): Promise<Reminded> {
  const conversation = await tx.conversations.get(reminder.listingId, reminder.buyerId);
  const appointment = conversation?.appointment;
  if (!conversation || !appointment?.confirmed || appointment.id !== reminder.appointmentId || appointment.at <= now) return [];
  const listing = await tx.listings.byId(reminder.listingId);
  if (!listing || (listing.status === 'sold' && conversation.trade !== 'sold')) return [];
  if (await blockedEitherWay(tx, conversation.buyerId, conversation.sellerId)) return [];
  const [buyer, seller] = [await tx.actors.byId(conversation.buyerId), await tx.actors.byId(conversation.sellerId)];
  if (!buyer || !seller) return [];
  const reminded: Reminded = [];
  for (const [person, other] of [
    [buyer, seller],
    [seller, buyer],
  ]) {
    const push = await writeNotification(tx, {
      id: crypto.randomUUID(),
      actorId: person.id,
      kind: 'appointment',
      subjectId: conversationId(reminder.listingId, reminder.buyerId),
      title: listing.title,
      keyword: null,
      byActorId: other.id,
      actorName: other.nickname,
      snippet: appointment.place,
      at: appointment.at,
      createdAt: now,
    });
    if (push !== 'told already') reminded.push({ actorId: person.id, push });
  }
  return reminded;
}
