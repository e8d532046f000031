// Passkey sign-up and sign-in in the browser. The WebAuthn helper is loaded only when someone
// uses a passkey, so it costs the app shell nothing.
import { accountSchema, nicknameSchema } from '@dongne/shared';
import { signedIn } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { notifyLocalMutation } from '../sync/outbox.js';
import type { AuthResult } from './auth-client.js';
import { errorMessage } from './auth-client.js';

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/auth/passkey/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function ceremonyError(error: unknown): AuthResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return { ok: false, message: 'The passkey request was cancelled or timed out.' };
  if (error instanceof TypeError) return { ok: false, message: "You're offline. Passkeys need a connection; your drafts are kept meanwhile." };
  return { ok: false, message: 'This device could not use a passkey. Try a password instead.' };
}

/**
 * One WebAuthn ceremony: ask the server for options, let the browser's authenticator answer, have
 * the server verify the answer, and record the signed-in account here.
 */
async function ceremony(db: DongneDb, kind: 'register' | 'signin', request: unknown, answer: (options: never) => Promise<unknown>): Promise<AuthResult> {
  try {
    const optionsResponse = await post(`${kind}/options`, request);
    if (!optionsResponse.ok) return errorMessage(optionsResponse);
    const { challengeId, options } = await optionsResponse.json();
    const response = await answer(options as never);
    const verified = await post(`${kind}/verify`, { challengeId, response });
    if (!verified.ok) return errorMessage(verified);
    await signedIn(db, accountSchema.parse(await verified.json()));
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
    if (!checked.success) return { ok: false, message: checked.error.issues[0].message, field: 'nickname' };
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
