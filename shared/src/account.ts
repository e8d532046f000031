// Accounts: the rules for nicknames and passwords, and what the API says about the signed-in person.
import { z } from 'zod/mini';
import { nicknameSchema, signInNicknameSchema } from './nickname.js';
import { noControlCharacters } from './text.js';

export * from './nickname.js';

export const passwordSchema = z.string('Enter a password').check(
  z.minLength(8, 'Use at least 8 characters'),
  z.maxLength(200, 'Use at most 200 characters'),
  noControlCharacters('A password cannot contain control characters'),
);

/** A new account's nickname and password. */
export const credentialsSchema = z.object({ nickname: nicknameSchema, password: passwordSchema });
export type Credentials = z.infer<typeof credentialsSchema>;

/** Signing in: the nickname as it was chosen, under whichever rules were in force then. */
export const signInCredentialsSchema = z.object({
  nickname: signInNicknameSchema,
  password: z.string('Enter your password').check(z.minLength(1), z.maxLength(200), noControlCharacters('A password cannot contain control characters')),
});

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
