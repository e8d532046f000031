// Pulled conversations and messages into the replica, inside the pull's transaction: the server's
// rows replace this device's copies (a message keeps its id, so its numbered copy replaces the
// unnumbered one), and the people in them are remembered for the screens that show them.
import type { ChatMessage, Conversation, PullResponse } from '@dongne/shared';
import type { DongneDb, Person } from '../db/db.js';
import { pendingTradeMessageId } from './chat-apply.js';

export async function applyPulledChats(db: DongneDb, page: Pick<PullResponse, 'changes'>): Promise<void> {
  const conversations: Conversation[] = [];
  const messages: ChatMessage[] = [];
  for (const change of page.changes) {
    if (change.op !== 'upsert') continue;
    if (change.entity === 'conversation') conversations.push(change.row);
    else if (change.entity === 'message') messages.push(change.row);
  }
  if (conversations.length) {
    await db.conversations.bulkPut(conversations.map((row) => ({ ...row, base: row })));
    const now = Date.now();
    const people = new Map<string, Pick<Person, 'id' | 'nickname' | 'mannerTemperature'>>();
    for (const { buyer, seller } of conversations) {
      for (const { id, nickname, mannerTemperature } of [buyer, seller]) people.set(id, { id, nickname, mannerTemperature });
    }
    // What a conversation does not carry (verifications, photo: from a fetched profile) is kept.
    const known = await db.people.bulkGet([...people.keys()]);
    await db.people.bulkPut([...people.values()].map((person, i) => ({ ...known[i], ...person, updatedAt: now })));
  }
  if (messages.length) {
    await db.messages.bulkPut(messages);
    // The server's reserve or sale step is here: the one shown in its place while it was on its way goes.
    const steps = messages.filter((m) => m.kind === 'reserved' || m.kind === 'sold');
    if (steps.length) await db.messages.bulkDelete(steps.map((m) => pendingTradeMessageId(m.kind as 'reserved' | 'sold', m.conversationId)));
  }
}
