// Accounts: the rules for nicknames and passwords, and what the API says about the signed-in person.
import { z } from 'zod/mini';
import { noControlCharacters } from './text.js';

export const NICKNAME_RULES = { min: 2, max: 20 } as const;

// Only letters, numbers and . _ - : the pattern refuses control characters on its own.
export const nicknameSchema = z.string('Choose a nickname').check(
  z.trim(),
  // One spelling per name: composed Hangul, ordinary (not full-width) letters.
  z.overwrite((value) => value.normalize('NFKC')),
  z.minLength(NICKNAME_RULES.min, `A nickname has at least ${NICKNAME_RULES.min} characters`),
  z.maxLength(NICKNAME_RULES.max, `A nickname has at most ${NICKNAME_RULES.max} characters`),
  z.regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u, 'Use letters (any language), numbers, and . _ - (not at the start)'),
);

/**
 * What makes two nicknames "the same": compatibility-normalised, then lower-cased in any script.
 * Accounts are unique by it, and sign-in failures are counted by it.
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase();
}

export const passwordSchema = z.string('Enter a password').check(
  z.minLength(8, 'Use at least 8 characters'),
  z.maxLength(200, 'Use at most 200 characters'),
  noControlCharacters('A password cannot contain control characters'),
);

export const credentialsSchema = z.object({ nickname: nicknameSchema, password: passwordSchema });
export type Credentials = z.infer<typeof credentialsSchema>;

export const accountSchema = z.object({
  actorId: z.string(),
  nickname: z.string(),
  joinedAt: z.int(),
});
export type Account = z.infer<typeof accountSchema>;

/** Starts creating a passkey: for a new account (nickname given) or for the signed-in one. */
export const passkeyRegistrationRequestSchema = z.object({ nickname: z.optional(nicknameSchema) });

/** The browser's answer to a passkey ceremony, checked in full by the WebAuthn library. */
export const passkeyVerifyRequestSchema = z.object({
  challengeId: z.string().check(z.minLength(1), z.maxLength(100), noControlCharacters('A challenge id has no control characters')),
  response: z.looseObject({
    id: z.string().check(z.minLength(1), z.maxLength(1024), noControlCharacters('A credential id has no control characters')),
    rawId: z.string().check(z.maxLength(1024)),
    type: z.literal('public-key'),
    response: z.looseObject({}),
  }),
});
