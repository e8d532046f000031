// Talks to /api/auth and records the outcome on this device.
import { accountSchema, credentialsSchema, describeIssues, type Account, type Credentials } from '@dongne/shared';
import { api as browserApi, ApiOffline, ApiRefusal, jsonBody, type ApiClient } from '../api/api-client.js';
import { signedIn, signOutLocally } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { notifyLocalMutation } from '../sync/outbox.js';

export type AuthResult = { ok: true } | { ok: false; message: string; field?: 'nickname' | 'password' };

/** A refusal in words for the form, pointing at the field it is about. */
export function refusedResult(refusal: ApiRefusal): AuthResult {
  if (!refusal.fromServer) return { ok: false, message: `${refusal.message} Try again.` };
  const issue = refusal.issues[0];
  const field = issue?.path === 'nickname' || issue?.path === 'password' ? issue.path : undefined;
  return { ok: false, message: issue?.message ?? refusal.message, field };
}

/** `api` is the network to use: the browser's unless a test hands in its own. */
export async function authenticate(
  db: DongneDb,
  mode: 'signin' | 'signup',
  credentials: Credentials,
  api: ApiClient = browserApi,
): Promise<AuthResult> {
  const checked = credentialsSchema.safeParse(credentials);
  if (!checked.success) {
    const issue = describeIssues(checked.error)[0];
    return { ok: false, message: issue.message, field: issue.path as 'nickname' | 'password' };
  }
  let account: Account;
  try {
    account = await api.json(`/api/auth/${mode}`, accountSchema, jsonBody(checked.data));
  } catch (error) {
    if (error instanceof ApiRefusal) return refusedResult(error);
    if (error instanceof ApiOffline) return { ok: false, message: "You're offline. Signing in needs a connection; your drafts are kept meanwhile." };
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
  await signOutLocally(db, { toldServer });
  notifyLocalMutation();
}
