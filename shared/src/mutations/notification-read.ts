// Mark notifications read, on every device of the person: the unread badge follows.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';
import { NOTIFICATION_LIMITS } from '../notification.js';

export const notificationReadArgs = z.object({
  ids: z
    .array(idSchema)
    .check(
      z.minLength(1, 'Name at least one notification'),
      z.maxLength(NOTIFICATION_LIMITS.readBatchMax, `Mark at most ${NOTIFICATION_LIMITS.readBatchMax} notifications at once`),
    ),
});
export type NotificationReadArgs = z.infer<typeof notificationReadArgs>;
