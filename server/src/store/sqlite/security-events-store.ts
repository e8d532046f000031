// What happened to an account that its owner should hear of.
import type { SecurityEventRow } from '../contract/accounts.js';
import type { Db } from './database.js';

export function createSecurityEventsStore(db: Db) {
  const add = db.prepare('INSERT INTO security_events (actor_id, kind, device, at) VALUES (?, ?, ?, ?)');
  const recent = db.prepare('SELECT id, kind, device, at FROM security_events WHERE actor_id = ? ORDER BY at DESC, id DESC LIMIT ?');
  return {
    add(actorId: string, kind: string, device: string, at: number) {
      add.run(actorId, kind, device, at);
    },
    recent: (actorId: string, limit: number) => recent.all(actorId, limit) as SecurityEventRow[],
  };
}
