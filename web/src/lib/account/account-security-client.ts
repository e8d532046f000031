// The account screens' calls to /api/account: devices and passkeys, the password, recovery codes,
// a fresh proof, security messages and deleting the account. A refusal comes back in the person's
// language; a change that needs a fresh proof says so (`needsProof`), so the screen can ask for one.
import {
  accountSchema,
  accountSecuritySchema,
  deviceSessionSchema,
  passkeySummarySchema,
  recoveryCodesSchema,
  securityEventSchema,
  type Account,
} from '@dongne/shared';
import { z } from 'zod/mini';
import { api, ApiOffline, ApiRefusal, jsonBody } from '../api/api-client.js';
import { signedIn, signOutLocally } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { refusalMessage } from '../i18n/refusal.js';
import { m } from '../paraglide/messages.js';
import { notifyLocalMutation } from '../sync/outbox.js';
import { forgetPushHere } from '../push/push-client.js';

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; message: string; needsProof?: boolean };

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ApiRefusal) {
      if (!error.fromServer) return { ok: false, message: m.account_no_answer() };
      return { ok: false, message: refusalMessage(error.code), needsProof: error.code === 'auth.reauthentication_required' };
    }
    if (error instanceof ApiOffline) return { ok: false, message: m.security_offline() };
    throw error;
  }
}

export const loadSecurity = () => attempt(() => api.json('/api/account/security', accountSecuritySchema));
export const loadSessions = () => attempt(() => api.json('/api/account/sessions', z.array(deviceSessionSchema)));
export const loadPasskeys = () => attempt(() => api.json('/api/account/passkeys', z.array(passkeySummarySchema)));
export const loadSecurityEvents = () => attempt(() => api.json('/api/account/security-events', z.array(securityEventSchema)));

export const endSession = (id: string) => attempt(() => api.send(`/api/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(() => undefined));
export const endOtherSessions = () => attempt(() => api.send('/api/account/sessions/end-others', { method: 'POST' }).then(() => undefined));
export const removePasskey = (id: string) => attempt(() => api.send(`/api/account/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(() => undefined));

export const confirmWithPassword = (password: string) =>
  attempt(() => api.send('/api/account/confirm', jsonBody({ password })).then(() => undefined));

/** A fresh proof with one of the account's passkeys: the browser asks for the fingerprint, face or PIN. */
export const confirmWithPasskey = () =>
  attempt(async () => {
    const { challengeId, options } = await api.json('/api/account/confirm/passkey/options', z.object({ challengeId: z.string(), options: z.unknown() }), jsonBody({}));
    const { startAuthentication } = await import('@simplewebauthn/browser');
    const response = await startAuthentication({ optionsJSON: options as never }).catch((error: unknown) => {
      throw new ApiRefusal(400, 'passkey.not_verified', error instanceof Error ? error.message : 'cancelled');
    });
    await api.send('/api/account/confirm/passkey/verify', jsonBody({ challengeId, response }));
  });

export const setPassword = (body: { currentPassword?: string; newPassword: string | null }) =>
  attempt(() => api.send('/api/account/password', jsonBody(body)).then(() => undefined));

export const createRecoveryCodes = () => attempt(async () => (await api.json('/api/account/recovery-codes', recoveryCodesSchema, { method: 'POST' })).codes);

/** Deletes the account on the server, then everything of it on this device. */
export async function deleteAccount(db: DongneDb): Promise<Outcome> {
  const outcome = await attempt(() => api.send('/api/account', { method: 'DELETE' }).then(() => undefined));
  if (outcome.ok) {
    await forgetPushHere().catch(() => {});
    await signOutLocally(db, { toldServer: true });
    notifyLocalMutation();
  }
  return outcome;
}

const recoveredSchema = z.extend(accountSchema, { remainingCodes: z.int() });

/** Signs in with a recovery code; records the account here like any sign-in. */
export async function recoverWithCode(db: DongneDb, nickname: string, code: string): Promise<Outcome<{ remainingCodes: number }>> {
  const outcome = await attempt(() => api.json('/api/auth/recover', recoveredSchema, jsonBody({ nickname: nickname.trim(), code: code.trim() })));
  if (!outcome.ok) return outcome;
  const { remainingCodes, ...account } = outcome.value;
  await signedIn(db, account as Account);
  notifyLocalMutation();
  return { ok: true, value: { remainingCodes } };
}
