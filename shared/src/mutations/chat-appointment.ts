// A trade appointment (거래 약속): either side proposes a time and place; the other confirms it, or
// proposes another, which replaces it.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';
import { singleLineText } from '../text.js';
import { CHAT_LIMITS } from '../trading/chat.js';

export const chatProposeAppointmentArgs = z
  .object({
    id: z.uuid(),
    listingId: z.uuid(),
    buyerId: idSchema,
    at: z.int('Choose a date and time').check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
    place: z.string('Say where to meet').check(
      singleLineText(),
      z.trim(),
      z.minLength(1, 'Say where to meet'),
      z.maxLength(CHAT_LIMITS.placeMax, `Keep the place under ${CHAT_LIMITS.placeMax} characters`),
    ),
    lat: z._default(z.nullable(z.number().check(z.gte(-90), z.lte(90))), null),
    lng: z._default(z.nullable(z.number().check(z.gte(-180), z.lte(180))), null),
  })
  // A place on the map is both coordinates or neither: half of one is nowhere to meet.
  .check(z.refine((a) => (a.lat === null) === (a.lng === null), { message: 'A place on the map needs both latitude and longitude', path: ['lng'] }));
export type ChatProposeAppointmentArgs = z.infer<typeof chatProposeAppointmentArgs>;

export const chatConfirmAppointmentArgs = z.object({
  /** The confirmation's own message id. */
  id: z.uuid(),
  listingId: z.uuid(),
  buyerId: idSchema,
  appointmentId: z.uuid(),
});
export type ChatConfirmAppointmentArgs = z.infer<typeof chatConfirmAppointmentArgs>;
