// Anonymous device identities: a random token in a cookie names an actor. Accounts replace the
// way an actor is created, not the way mutations are attributed to one.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Session } from '@dongne/shared';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';

export interface Actor {
  id: string;
  nickname: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionService(store: Store, clock: Clock) {
  return {
    actorForToken(token: string | undefined): Actor | undefined {
      if (!token || token.length > 200) return undefined;
      const row = store.actors.byTokenHash(hashToken(token));
      return row && { id: row.id, nickname: row.nickname };
    },
    /** Creates a new anonymous actor and returns it with the token the device will present. */
    startAnonymous(): { actor: Actor; token: string } {
      const token = randomBytes(32).toString('base64url');
      const id = randomUUID();
      const nickname = `Neighbour ${id.slice(0, 4).toUpperCase()}`;
      store.actors.insert({ id, nickname, tokenHash: hashToken(token), createdAt: clock.now() });
      return { actor: { id, nickname }, token };
    },
    toSession(actor: Actor): Session {
      return { actorId: actor.id, nickname: actor.nickname };
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
