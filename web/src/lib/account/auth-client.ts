// Talks to /api/auth and records the outcome on this device.
import { accountSchema, apiErrorSchema, credentialsSchema, describeIssues, type Credentials } from '@dongne/shared';
import { signedIn, signOutLocally } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { notifyLocalMutation } from '../sync/outbox.js';

export type AuthResult = { ok: true } | { ok: false; message: string; field?: 'nickname' | 'password' };

export async function errorMessage(response: Response): Promise<AuthResult> {
  const body = apiErrorSchema.safeParse(await response.json().catch(() => null));
  if (!body.success) return { ok: false, message: `The server answered ${response.status}. Try again.` };
  const issue = body.data.error.issues?.[0];
  const field = issue?.path === 'nickname' || issue?.path === 'password' ? issue.path : undefined;
  return { ok: false, message: issue?.message ?? body.data.error.message, field };
}

/** `fetchImpl` is the network to use: the browser's unless a test hands in its own. */
export async function authenticate(
  db: DongneDb,
  mode: 'signin' | 'signup',
  credentials: Credentials,
  fetchImpl: typeof fetch = fetch,
): Promise<AuthResult> {
  const checked = credentialsSchema.safeParse(credentials);
  if (!checked.success) {
    const issue = describeIssues(checked.error)[0];
    return { ok: false, message: issue.message, field: issue.path as 'nickname' | 'password' };
  }
  let response: Response;
  try {
    response = await fetchImpl(`/api/auth/${mode}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(checked.data),
    });
  } catch {
    return { ok: false, message: "You're offline. Signing in needs a connection; your drafts are kept meanwhile." };
  }
  if (!response.ok) return errorMessage(response);
  await signedIn(db, accountSchema.parse(await response.json()));
  // Whatever waited for a signed-in account goes out now.
  notifyLocalMutation();
  return { ok: true };
}

/** Wipes this person's private data here, and tells the server now or once back online. */
export async function signOut(db: DongneDb, fetchImpl: typeof fetch = fetch): Promise<void> {
  let toldServer = false;
  try {
    toldServer = (await fetchImpl('/api/auth/signout', { method: 'POST' })).ok;
  } catch {
    // Offline: the next sync tells the server.
  }
  await signOutLocally(db, { toldServer });
  notifyLocalMutation();
}
