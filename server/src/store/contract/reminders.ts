// Reminders of confirmed trade appointments (거래 약속 알림), waiting until they are due.
export interface AppointmentReminder {
  /** The conversation (listing, buyer) the appointment was made in. */
  listingId: string;
  buyerId: string;
  /** The confirmed appointment it reminds of: the conversation's own may have changed since. */
  appointmentId: string;
  /** The appointment's time. */
  at: number;
  /** When to remind: CHAT_LIMITS.reminderBeforeMs before `at`. */
  dueAt: number;
}

export interface AppointmentRemindersRepo {
  /** Keeps the conversation's reminder: a newer confirmed appointment's replaces the one before. */
  set(reminder: AppointmentReminder): Promise<void>;
  /**
   * Removes and answers up to `limit` reminders due by `now`, the earliest first, skipping any that
   * another transaction holds. Inside a transaction, what is made of them commits with their
   * removal or not at all, and a sweeper on another instance takes other rows: each is sent once.
   */
  takeDue(now: number, limit: number): Promise<AppointmentReminder[]>;
  /** Forgets the reminders of every conversation the person takes part in (their account is being deleted). */
  removeAllOf(actorId: string): Promise<void>;
}
