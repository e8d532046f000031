// Passkey sign-up and sign-in in the browser. The WebAuthn helper is loaded only when someone
// uses a passkey, so it costs the app shell nothing.
import { accountSchema, nicknameSchema } from '@dongne/shared';
import { z } from 'zod/mini';
import { api, ApiOffline, ApiRefusal, jsonBody } from '../api/api-client.js';
import { signedIn } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { notifyLocalMutation } from '../sync/outbox.js';
import { m } from '../paraglide/messages.js';
import { invalidResult, refusedResult, type AuthResult } from './auth-client.js';
import type { FieldIssue } from './field-issues.js';

/** The server's challenge: the options are for the browser's WebAuthn helper, which checks them. */
const optionsResponseSchema = z.object({ challengeId: z.string(), options: z.unknown() });

function ceremonyError(error: unknown): AuthResult {
  if (error instanceof ApiRefusal) return refusedResult(error);
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return { ok: false, message: m.account_passkey_cancelled() };
  // A TypeError: most often the WebAuthn helper could not be loaded, offline.
  if (error instanceof ApiOffline || error instanceof TypeError) return { ok: false, message: m.account_offline_passkey() };
  return { ok: false, message: m.account_passkey_unsupported() };
}

/**
 * One WebAuthn ceremony: ask the server for options, let the browser's authenticator answer, have
 * the server verify the answer, and record the signed-in account here.
 */
async function ceremony(db: DongneDb, kind: 'register' | 'signin', request: unknown, answer: (options: never) => Promise<unknown>): Promise<AuthResult> {
  try {
    const { challengeId, options } = await api.json(`/api/auth/passkey/${kind}/options`, optionsResponseSchema, jsonBody(request));
    const response = await answer(options as never);
    const account = await api.json(`/api/auth/passkey/${kind}/verify`, accountSchema, jsonBody({ challengeId, response }));
    await signedIn(db, account);
    notifyLocalMutation();
    return { ok: true };
  } catch (error) {
    return ceremonyError(error);
  }
}

/** Creates a passkey: for a new account named `nickname`, or (no nickname) for the signed-in one. */
export async function passkeyRegister(db: DongneDb, nickname?: string): Promise<AuthResult> {
  if (nickname !== undefined) {
    const checked = nicknameSchema.safeParse(nickname);
    if (!checked.success) return invalidResult(checked.error.issues.map((issue) => ({ ...issue, path: ['nickname'] })) as FieldIssue[]);
    nickname = checked.data;
  }
  return ceremony(db, 'register', nickname ? { nickname } : {}, async (optionsJSON) => {
    const { startRegistration } = await import('@simplewebauthn/browser');
    return startRegistration({ optionsJSON });
  });
}

export function passkeySignIn(db: DongneDb): Promise<AuthResult> {
  return ceremony(db, 'signin', {}, async (optionsJSON) => {
    const { startAuthentication } = await import('@simplewebauthn/browser');
    return startAuthentication({ optionsJSON });
  });
}
