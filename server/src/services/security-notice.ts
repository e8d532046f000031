// A security message (a sign-in from a new device, a passkey added, the password changed, …): kept
// for the account's security screen, and told to the person in their inbox on every device, with a
// push when one subscribed, so a change they did not make does not go unseen. Written with the
// change it is about, in the caller's transaction. The push goes out on the dispatcher's next sweep
// and other devices see the message on their next sync: these changes are not sync mutations, so
// nothing pokes either sooner.
import { randomUUID } from 'node:crypto';
import type { SecurityEventKind } from '@dongne/shared';
import type { Repositories } from '../store/contract/store.js';
import { writeNotification } from './write-notification.js';

export async function recordSecurityEvent(db: Repositories, actorId: string, event: SecurityEventKind, device: string, at: number): Promise<void> {
  await db.securityEvents.add(actorId, event, device, at);
  const id = randomUUID();
  // Each message is its own subject: two sign-ins are two things to know about.
  await writeNotification(db, { id, actorId, kind: 'security', subjectId: id, title: device, keyword: null, event, createdAt: at });
}
