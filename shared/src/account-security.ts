// What the account screens send and receive: signed-in devices, passkeys, the password, recovery
// codes and security messages.
import { z } from 'zod/mini';
import { passwordSchema } from './account.js';
import { signInNicknameSchema } from './nickname.js';

export const deviceSessionSchema = z.object({
  id: z.string(),
  /** "Chrome on Android", or '' when the browser did not say. */
  device: z.string(),
  address: z.nullable(z.string()),
  startedAt: z.int(),
  lastActiveAt: z.int(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;

export const passkeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.int(),
  lastUsedAt: z.nullable(z.int()),
});
export type PasskeySummary = z.infer<typeof passkeySummarySchema>;

export { SECURITY_EVENT_KINDS, type SecurityEventKind } from './security-event-kinds.js';

export const securityEventSchema = z.object({
  id: z.int(),
  kind: z.string(),
  device: z.string(),
  at: z.int(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

/** The account's sign-in methods at a glance, for the account screen. */
export const accountSecuritySchema = z.object({
  hasPassword: z.boolean(),
  passkeyCount: z.int(),
  recoveryCodesLeft: z.int(),
  /** Until when changes to the account need no new proof (0: one is needed now). */
  freshUntil: z.int(),
});
export type AccountSecurity = z.infer<typeof accountSecuritySchema>;

/** `currentPassword` proves who is asking; without it the session needs a fresh proof. `newPassword` null removes the password. */
export const passwordChangeSchema = z.object({
  currentPassword: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  newPassword: z.nullable(passwordSchema),
});

export const confirmPasswordSchema = z.object({ password: z.string().check(z.minLength(1), z.maxLength(200)) });

export const recoverRequestSchema = z.object({
  nickname: signInNicknameSchema,
  code: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[\w\s-]*$/, 'A recovery code has letters, numbers and dashes')),
});

export const recoveryCodesSchema = z.object({ codes: z.array(z.string()) });
