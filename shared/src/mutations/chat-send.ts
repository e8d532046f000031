// A chat message. A conversation is one listing and one buyer: the buyer sends with their own id,
// the seller with the buyer's. The client picks the message id, so it shows before the server has it.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';
import { hasVisibleText, multiLineText } from '../text.js';
import { CHAT_LIMITS } from '../trading/chat.js';

export const chatSendArgs = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  buyerId: idSchema,
  text: z.string('A message is text').check(
    multiLineText(),
    z.trim(),
    z.minLength(1, 'Write a message first'),
    z.maxLength(CHAT_LIMITS.textMax, `Keep a message under ${CHAT_LIMITS.textMax} characters`),
    z.refine(hasVisibleText, 'Write a message first'),
  ),
});
export type ChatSendArgs = z.infer<typeof chatSendArgs>;
