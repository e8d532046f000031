// Talks to /api/auth and records the outcome on this device. What goes wrong is said in the
// person's language: a field's problem by its rule, a refusal by the server's code.
import { accountSchema, credentialsSchema, signInCredentialsSchema, type Account, type Credentials } from '@dongne/shared';
import { api as browserApi, ApiOffline, ApiRefusal, jsonBody, type ApiClient } from '../api/api-client.js';
import { signedIn, signOutLocally } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { refusalMessage } from '../i18n/refusal.js';
import { m } from '../paraglide/messages.js';
import { notifyLocalMutation } from '../sync/outbox.js';
import { forgetPushHere } from '../push/push-client.js';
import { describeFieldIssue, issueField, type AuthField, type FieldIssue } from './field-issues.js';

/** `code`: the server's refusal code, when it refused. */
export type AuthResult = { ok: true } | { ok: false; message: string; field?: AuthField; code?: string };

/** Refusals that are about one field of the form, so that field is marked. */
const FIELD_OF_CODE: Record<string, AuthField> = { 'auth.nickname_taken': 'nickname' };

/** A refusal in words for the form, pointing at the field it is about. */
export function refusedResult(refusal: ApiRefusal): AuthResult {
  if (!refusal.fromServer) return { ok: false, message: m.account_no_answer() };
  const issue = refusal.issues[0];
  const field = issue ? issueField({ path: [issue.path] }) : FIELD_OF_CODE[refusal.code];
  return { ok: false, message: refusalMessage(refusal.code), field, code: refusal.code };
}

/** The first problem zod found, in words, on the field it is about. */
export function invalidResult(issues: readonly FieldIssue[]): AuthResult {
  const issue = issues[0];
  return { ok: false, message: describeFieldIssue(issue), field: issueField(issue) };
}

/** `api` is the network to use: the browser's unless a test hands in its own. */
export async function authenticate(
  db: DongneDb,
  mode: 'signin' | 'signup',
  credentials: Credentials,
  api: ApiClient = browserApi,
): Promise<AuthResult> {
  // Signing in takes any nickname made under earlier rules; a new account meets today's.
  const checked = (mode === 'signup' ? credentialsSchema : signInCredentialsSchema).safeParse(credentials);
  if (!checked.success) return invalidResult(checked.error.issues as readonly FieldIssue[]);
  let account: Account;
  try {
    account = await api.json(`/api/auth/${mode}`, accountSchema, jsonBody(checked.data));
  } catch (error) {
    if (error instanceof ApiRefusal) return refusedResult(error);
    if (error instanceof ApiOffline) return { ok: false, message: m.account_offline_sign_in() };
    throw error;
  }
  await signedIn(db, account);
  // Whatever waited for a signed-in account goes out now.
  notifyLocalMutation();
  return { ok: true };
}

/** Wipes this person's private data here, and tells the server now or once back online. */
export async function signOut(db: DongneDb, api: ApiClient = browserApi): Promise<void> {
  let toldServer = false;
  try {
    await api.send('/api/auth/signout', { method: 'POST' });
    toldServer = true;
  } catch {
    // Offline (or refused): the next sync tells the server.
  }
  // The server stops pushing to the session it ended; the browser's subscription goes too, so the
  // next person here is never sent this one's notifications.
  await forgetPushHere().catch(() => {});
  await signOutLocally(db, { toldServer });
  notifyLocalMutation();
}
